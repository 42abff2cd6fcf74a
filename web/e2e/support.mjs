// Shared by the browser tests and the load-time measurement: a real `orderly serve` on a free
// loopback port with its own database, a token client for seeding, and Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const required of ['orderly', 'web-root']) {
    if (!args[required]) throw new Error(`missing --${required}`);
  }
  return args;
}

// Seeds the demo data (`orderly demo`) and starts `orderly serve` on it.
export async function startServer({ orderly, webRoot, demo = true }) {
  const directory = mkdtempSync(join(tmpdir(), 'orderly-web-e2e-'));
  const db = `sqlite:${join(directory, 'orderly.db')}`;
  if (demo) {
    const seeded = spawnSync(orderly, ['demo', '--db', db], { encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`orderly demo failed: ${seeded.stderr}`);
  }
  const child = spawn(
    orderly,
    ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-root', webRoot, '--workers', '0', '--periodic-interval', '86400'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const baseUrl = await new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/orderly listening on (http:\/\/[^\s]+)/);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`orderly serve exited with ${code}: ${stderr}`)));
  });
  return {
    baseUrl,
    directory,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export async function login(baseUrl, username, password = 'demo-password') {
  const response = await fetch(`${baseUrl}/api-auth/password/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  const { token } = await response.json();
  const call = async (method, path, body) => {
    const reply = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await reply.text();
    if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  call.token = token;
  return call;
}

// Debian's Chromium, headless, with a fresh profile and no network of its own (STACK.md).
export async function launchBrowser(viewport = { width: 1280, height: 800 }) {
  const profile = mkdtempSync(join(tmpdir(), 'orderly-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function ensureDirectory(path) {
  mkdirSync(path, { recursive: true });
  return path;
}
