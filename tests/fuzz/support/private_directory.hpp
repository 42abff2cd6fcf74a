#pragma once

#include <string>

namespace orderly::fuzz {

// Makes a private directory `<base>/orderly-fuzz-<name>-<pid>-XXXXXX` (base: /dev/shm when there is
// one, else the temporary directory). libFuzzer ends a crashing process with _Exit, which skips
// every clean-up, so first this removes the directories that processes no longer running left.
std::string MakePrivateDirectory(const std::string& name);

}  // namespace orderly::fuzz
