#pragma once

// Must precede the Asio headers: with g++ 12, Boost 1.74's coroutine code uses std::exchange
// without including <utility> itself (STACK.md). Kept out of include sorting for that reason.
// clang-format off
#include <utility>
// clang-format on

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

// g++ 12 misreads the class-specific operator new/delete pair of Asio's coroutine frames.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace orderly::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;

}  // namespace orderly::bench
