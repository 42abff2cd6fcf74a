#include "api/http/server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>

#include "raw_client.hpp"

namespace orderly::api::http {
namespace {

using namespace std::chrono_literals;
using test::RawClient;

// A server on a free port, run on a background thread for the length of a test.
class TestServer {
 public:
  explicit TestServer(Handler handler, ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    server_ = std::make_unique<Server>(std::move(options), std::move(handler));
    port_ = server_->Listen();
    run_ = std::async(std::launch::async, [this] { server_->Run(); });
  }
  ~TestServer() { StopAndWait(); }

  unsigned short port() const { return port_; }
  Server& server() { return *server_; }

  // True when Run() returned within `bound`.
  bool StopAndWait(std::chrono::milliseconds bound = 10s) {
    server_->Stop();
    return WaitStopped(bound);
  }
  bool WaitStopped(std::chrono::milliseconds bound) {
    return run_.wait_for(bound) == std::future_status::ready;
  }

 private:
  std::unique_ptr<Server> server_;
  unsigned short port_ = 0;
  std::future<void> run_;
};

// Answers with what it received, one fact per line.
Response Echo(Request& request) {
  std::string body = request.method + " " + request.path + "\n";
  for (const auto& [name, value] : request.query) body += "query " + name + "=" + value + "\n";
  body += "x-test " + std::string(request.Header("x-test")) + "\n";
  body += "body " + request.body;
  return Response{200, "text/plain", body, {{"X-Target", request.target}}};
}

std::string Get(std::string_view target, std::string_view extra_headers = "") {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra_headers) +
         "\r\n";
}

std::string Post(std::string_view target, std::string_view body) {
  return "POST " + std::string(target) +
         " HTTP/1.1\r\nHost: test\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
         std::string(body);
}

TEST(ServerTest, GetAndPostShareOneKeepAliveConnection) {
  TestServer server(Echo);
  RawClient client(server.port());

  ASSERT_TRUE(client.Send(Get("/api/x/", "X-Test: hello\r\n")));
  auto first = client.Read();
  EXPECT_EQ(first.result_int(), 200);
  EXPECT_EQ(first.body(), "GET /api/x/\nx-test hello\nbody ");
  EXPECT_EQ(first[boost::beast::http::field::server], "orderly");
  EXPECT_EQ(first[boost::beast::http::field::content_type], "text/plain");
  EXPECT_EQ(first[boost::beast::http::field::content_length], std::to_string(first.body().size()));
  EXPECT_EQ(first["X-Target"], "/api/x/");
  EXPECT_TRUE(first.keep_alive());

  ASSERT_TRUE(client.Send(Post("/api/y", "{\"a\":1}")));
  auto second = client.Read();
  EXPECT_EQ(second.result_int(), 200);
  EXPECT_EQ(second.body(), "POST /api/y\nx-test \nbody {\"a\":1}");
}

TEST(ServerTest, FillsRequestFields) {
  std::promise<Request> seen;
  TestServer server([&seen](Request& request) {
    seen.set_value(request);
    return Response{};
  });
  RawClient client(server.port());
  ASSERT_TRUE(
      client.Send("post /a%20b/?x=1 HTTP/1.1\r\nHost: test\r\nX-Mixed-Case: V\r\n"
                  "Content-Length: 3\r\n\r\nabc"));
  EXPECT_EQ(client.Read().result_int(), 200);
  Request request = seen.get_future().get();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/a%20b/?x=1");
  EXPECT_EQ(request.path, "/a b/");
  EXPECT_EQ(request.query, (std::vector<std::pair<std::string, std::string>>{{"x", "1"}}));
  EXPECT_EQ(request.Header("x-mixed-case"), "V");
  EXPECT_EQ(request.Header("host"), "test");
  EXPECT_EQ(request.body, "abc");
}

TEST(ServerTest, DecodesPathAndQueryForAnHttplibClient) {
  TestServer server(Echo);
  httplib::Client client("127.0.0.1", server.port());
  client.set_url_encode(false);  // send the target exactly as written
  auto result = client.Get("/api/caf%C3%A9/x%20y/?name=a+b%26c&tag=1&tag=%E2%9C%93&bad=%zz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body,
            "GET /api/café/x y/\nquery name=a b&c\nquery tag=1\nquery tag=✓\nquery bad=%zz\n"
            "x-test \nbody ");

  auto posted = client.Post("/api/echo", "payload", "application/json");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 200);
  EXPECT_EQ(posted->body, "POST /api/echo\nx-test \nbody payload");
}

TEST(ServerTest, AnswersPipelinedRequestsInOrder) {
  TestServer server(Echo);
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/one") + Post("/two", "2") + Get("/three")));
  EXPECT_EQ(client.Read().body(), "GET /one\nx-test \nbody ");
  EXPECT_EQ(client.Read().body(), "POST /two\nx-test \nbody 2");
  EXPECT_EQ(client.Read().body(), "GET /three\nx-test \nbody ");
}

TEST(ServerTest, BodyAtTheLimitIsAccepted) {
  TestServer server([](Request& request) {
    return Response{200, "text/plain", std::to_string(request.body.size()), {}};
  });
  httplib::Client client("127.0.0.1", server.port());
  auto result = client.Post("/upload", std::string(1 << 20, 'x'), "application/octet-stream");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, "1048576");
}

TEST(ServerTest, BodyOverTheLimitGets413) {
  std::atomic<int> calls = 0;
  TestServer server([&calls](Request&) {
    ++calls;
    return Response{};
  });
  httplib::Client client("127.0.0.1", server.port());
  auto result = client.Post("/upload", std::string((1 << 20) + 1, 'x'), "application/json");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 413);
  EXPECT_EQ(result->body, R"({"detail":"Request body exceeds the 1 MiB limit."})");
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(result->get_header_value("Connection"), "close");
  EXPECT_EQ(calls, 0);
}

TEST(ServerTest, ChunkedBodyOverTheLimitGets413) {
  ServerOptions options;
  options.body_limit = 1000;
  TestServer server(Echo, options);
  RawClient client(server.port());
  std::string chunk(600, 'x');
  ASSERT_TRUE(
      client.Send("POST /x HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "258\r\n" +
                  chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n"));
  auto response = client.Read();
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_EQ(response.body(), R"({"detail":"Request body exceeds the 1000 bytes limit."})");
  EXPECT_TRUE(client.WaitClosed(5s));
}

TEST(ServerTest, HugeHeadersGet431) {
  TestServer server(Echo);
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/x", "X-Big: " + std::string(20 * 1024, 'a') + "\r\n")));
  auto response = client.Read();
  EXPECT_EQ(response.result_int(), 431);
  EXPECT_EQ(response.body(), R"({"detail":"Request headers exceed the 16 KiB limit."})");
  EXPECT_TRUE(client.WaitClosed(5s));
}

TEST(ServerTest, MalformedRequestGets400) {
  TestServer server(Echo);
  for (std::string garbage :
       {"GET / HTTP/1.1\r\nHost test\r\n\r\n", "\x01\x02 nonsense\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"}) {
    RawClient client(server.port());
    ASSERT_TRUE(client.Send(garbage));
    auto response = client.Read();
    EXPECT_EQ(response.result_int(), 400) << garbage;
    EXPECT_EQ(response.body(), R"({"detail":"Malformed HTTP request."})");
    EXPECT_TRUE(client.WaitClosed(5s));
  }
}

TEST(ServerTest, ClientStallingMidHeaderIsDisconnected) {
  ServerOptions options;
  options.read_timeout = 300ms;
  TestServer server(Echo, options);
  RawClient client(server.port());
  ASSERT_TRUE(client.Send("GET /slow HTTP/1.1\r\nHost: te"));
  EXPECT_TRUE(client.WaitClosed(10s));
}

TEST(ServerTest, ClientSendingNothingIsDisconnected) {
  ServerOptions options;
  options.read_timeout = 300ms;
  TestServer server(Echo, options);
  RawClient client(server.port());
  EXPECT_TRUE(client.WaitClosed(10s));
}

TEST(ServerTest, ClientTricklingHeaderBytesIsDisconnected) {
  ServerOptions options;
  options.read_timeout = 300ms;
  options.idle_timeout = 10s;
  TestServer server(Echo, options);
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/first")));
  EXPECT_EQ(client.Read().result_int(), 200);
  // Each byte comes well within read_timeout of the last, but the request never completes.
  auto start = std::chrono::steady_clock::now();
  bool open = true;
  for (char c : std::string("GET /second HTTP/1.1\r\nX-A: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")) {
    if (!client.Send(std::string(1, c))) {
      open = false;
      break;
    }
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(!open || client.WaitClosed(10s));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
}

TEST(ServerTest, IdleKeepAliveConnectionIsClosed) {
  ServerOptions options;
  options.idle_timeout = 300ms;
  TestServer server(Echo, options);
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/x")));
  EXPECT_EQ(client.Read().result_int(), 200);
  EXPECT_TRUE(client.WaitClosed(10s));
}

TEST(ServerTest, HandlerSlowerThanReadTimeoutIsStillAnswered) {
  ServerOptions options;
  options.read_timeout = 200ms;
  TestServer server(
      [](Request& request) {
        std::this_thread::sleep_for(500ms);
        return Echo(request);
      },
      options);
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/slow")));
  EXPECT_EQ(client.Read().result_int(), 200);
  ASSERT_TRUE(client.Send(Get("/again")));
  EXPECT_EQ(client.Read().result_int(), 200);
}

TEST(ServerTest, ThrowingHandlerGets500AndServerKeepsServing) {
  TestServer server([](Request& request) -> Response {
    if (request.path == "/boom") throw std::runtime_error("kaboom");
    if (request.path == "/weird") throw 42;
    return Echo(request);
  });
  RawClient client(server.port());
  for (const char* path : {"/boom", "/weird"}) {
    ASSERT_TRUE(client.Send(Get(path)));
    auto failed = client.Read();
    EXPECT_EQ(failed.result_int(), 500);
    EXPECT_EQ(failed.body(), R"({"detail":"Internal server error."})");
    EXPECT_EQ(failed[boost::beast::http::field::content_type], "application/json");
  }
  ASSERT_TRUE(client.Send(Get("/fine")));
  EXPECT_EQ(client.Read().result_int(), 200);
}

TEST(ServerTest, InvalidStatusFromHandlerGets500) {
  TestServer server([](Request&) { return Response{42, "text/plain", "", {}}; });
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/x")));
  EXPECT_EQ(client.Read().result_int(), 500);
}

TEST(ServerTest, MethodNotAllowedIsTheHandlersAnswer) {
  TestServer server([](Request& request) {
    if (request.method == "DELETE") {
      return Response{405, "application/json", R"({"detail":"no"})", {{"Allow", "GET, HEAD"}}};
    }
    return Echo(request);
  });
  RawClient client(server.port());
  ASSERT_TRUE(client.Send("DELETE /x HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto response = client.Read();
  EXPECT_EQ(response.result_int(), 405);
  EXPECT_EQ(response[boost::beast::http::field::allow], "GET, HEAD");
  ASSERT_TRUE(client.Send("FROB /x HTTP/1.1\r\nHost: t\r\n\r\n"));
  EXPECT_EQ(client.Read().body(), "FROB /x\nx-test \nbody ");
}

TEST(ServerTest, HeaderValuesWithLineBreaksAreDropped) {
  TestServer server([](Request&) {
    return Response{
        200, "text/plain", "ok", {{"Location", "/x\r\nSet-Cookie: evil=1"}, {"X-Ok", "1"}}};
  });
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/x")));
  auto response = client.Read();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.count(boost::beast::http::field::location), 0u);
  EXPECT_EQ(response.count(boost::beast::http::field::set_cookie), 0u);
  EXPECT_EQ(response["X-Ok"], "1");
}

TEST(ServerTest, NoContentHasNoBody) {
  TestServer server([](Request&) { return Response{204, "application/json", "ignored", {}}; });
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/x") + Get("/y")));
  auto first = client.Read();
  EXPECT_EQ(first.result_int(), 204);
  EXPECT_EQ(first.body(), "");
  EXPECT_EQ(client.Read().result_int(), 204);
}

TEST(ServerTest, HeadAnnouncesLengthWithoutBody) {
  TestServer server(Echo);
  RawClient client(server.port());
  ASSERT_TRUE(client.Send("HEAD /x HTTP/1.1\r\nHost: t\r\n\r\n" + Get("/x")));
  auto head = client.Read(/*head=*/true);
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(head[boost::beast::http::field::content_length], "21");  // "HEAD /x\n..." as for GET
  EXPECT_EQ(head.body(), "");
  auto get = client.Read();  // parses only if the HEAD response really had no body
  EXPECT_EQ(get.body(), "GET /x\nx-test \nbody ");
}

TEST(ServerTest, ExpectContinueGetsInterimResponse) {
  TestServer server(Echo);
  RawClient client(server.port());
  ASSERT_TRUE(
      client.Send("POST /x HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n"
                  "Content-Length: 5\r\n\r\n"));
  auto interim = client.Read();
  EXPECT_EQ(interim.result_int(), 100);
  ASSERT_TRUE(client.Send("hello"));
  auto final_response = client.Read();
  EXPECT_EQ(final_response.result_int(), 200);
  EXPECT_EQ(final_response.body(), "POST /x\nx-test \nbody hello");
}

TEST(ServerTest, ExpectContinueOverTheLimitGets413WithoutInterim) {
  TestServer server(Echo);
  RawClient client(server.port());
  ASSERT_TRUE(
      client.Send("POST /x HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n"
                  "Content-Length: 99999999\r\n\r\n"));
  EXPECT_EQ(client.Read().result_int(), 413);
}

TEST(ServerTest, ClientLeavingMidRequestDoesNotHurt) {
  TestServer server(Echo);
  {
    RawClient client(server.port());
    ASSERT_TRUE(client.Send("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nabc"));
  }
  {
    RawClient client(server.port());
    ASSERT_TRUE(client.Send("GET /x HTTP/1.1\r\nHo"));
  }
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/after")));
  EXPECT_EQ(client.Read().result_int(), 200);
}

TEST(ServerTest, Http10ClosesUnlessAskedToKeepAlive) {
  TestServer server(Echo);
  RawClient client(server.port());
  ASSERT_TRUE(client.Send("GET /x HTTP/1.0\r\n\r\n"));
  auto response = client.Read();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.version(), 10u);
  EXPECT_TRUE(client.WaitClosed(5s));
}

TEST(ServerTest, GracefulStopLetsInFlightRequestFinish) {
  std::promise<void> entered;
  TestServer server([&entered](Request& request) {
    entered.set_value();
    std::this_thread::sleep_for(300ms);
    return Echo(request);
  });
  RawClient client(server.port());
  ASSERT_TRUE(client.Send(Get("/slow")));
  entered.get_future().wait();
  server.server().Stop();

  auto response = client.Read();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "GET /slow\nx-test \nbody ");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(server.WaitStopped(10s));
  EXPECT_TRUE(client.WaitClosed(5s));
}

TEST(ServerTest, StopClosesIdleConnectionsAndRefusesNewOnes) {
  TestServer server(Echo);  // idle_timeout stays at 60 s
  RawClient idle(server.port());
  ASSERT_TRUE(idle.Send(Get("/x")));
  EXPECT_EQ(idle.Read().result_int(), 200);
  RawClient silent(server.port());

  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(server.StopAndWait(10s));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_TRUE(idle.WaitClosed(5s));
  EXPECT_TRUE(silent.WaitClosed(5s));
  EXPECT_THROW(RawClient{server.port()}, std::runtime_error);
}

TEST(ServerTest, StopAfterGraceClosesStuckConnections) {
  ServerOptions options;
  options.shutdown_grace = 200ms;
  options.read_timeout = 30s;
  TestServer server(Echo, options);
  RawClient stuck(server.port());
  ASSERT_TRUE(stuck.Send("GET /x HTTP/1.1\r\nHo"));  // mid-request: not idle, never completes
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(server.StopAndWait(10s));
  EXPECT_TRUE(stuck.WaitClosed(5s));
}

TEST(ServerTest, StopIsIdempotent) {
  TestServer server(Echo);
  server.server().Stop();
  server.server().Stop();
  EXPECT_TRUE(server.WaitStopped(10s));
}

TEST(ServerTest, StopOnSignalsStopsOnSigterm) {
  TestServer server(Echo);
  server.server().StopOnSignals();
  RawClient client(server.port());
  // Served means accepted, and accepting runs on the strand that installed the signal set first.
  ASSERT_TRUE(client.Send(Get("/x")));
  EXPECT_EQ(client.Read().result_int(), 200);
  std::this_thread::sleep_for(50ms);
  std::raise(SIGTERM);
  EXPECT_TRUE(server.WaitStopped(10s));
}

TEST(ServerTest, ConnectionsBeyondTheLimitAreClosed) {
  ServerOptions options;
  options.max_connections = 1;
  TestServer server(Echo, options);
  RawClient first(server.port());
  ASSERT_TRUE(first.Send(Get("/x")));
  EXPECT_EQ(first.Read().result_int(), 200);

  RawClient second(server.port());
  EXPECT_TRUE(second.WaitClosed(5s));

  ASSERT_TRUE(first.Send(Get("/y")));
  EXPECT_EQ(first.Read().result_int(), 200);
}

TEST(ServerTest, ListenOnABusyPortFailsClearly) {
  TestServer first(Echo);
  ServerOptions options;
  options.port = first.port();
  Server second(options, Echo);
  try {
    second.Listen();
    FAIL() << "Listen should have thrown";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot listen on 127.0.0.1:"), std::string::npos)
        << e.what();
  }
}

TEST(ServerTest, ListenOnAnUnknownHostFailsClearly) {
  ServerOptions options;
  options.host = "no-such-host.invalid";
  options.port = 0;
  Server server(options, Echo);
  EXPECT_THROW(server.Listen(), std::runtime_error);
}

TEST(ServerTest, ManyConcurrentClients) {
  TestServer server(Echo);
  std::vector<std::future<int>> clients;
  for (int i = 0; i < 32; ++i) {
    clients.push_back(std::async(std::launch::async, [&server, i] {
      RawClient client(server.port());
      int ok = 0;
      for (int j = 0; j < 20; ++j) {
        std::string path = "/c" + std::to_string(i) + "/" + std::to_string(j);
        if (!client.Send(Get(path))) break;
        if (client.Read().body() == "GET " + path + "\nx-test \nbody ") ++ok;
      }
      return ok;
    }));
  }
  for (auto& client : clients) EXPECT_EQ(client.get(), 20);
}

}  // namespace
}  // namespace orderly::api::http
