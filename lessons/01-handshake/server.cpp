#include "server.hpp"

#include "session.hpp"

#include <wscourse/listen.hpp>
#include <wscourse/log.hpp>

namespace lesson01 {
namespace {

// co_spawn's completion handler: a session that throws (it should not) is logged, not lost.
void log_exception(std::exception_ptr error)
{
    if (!error)
        return;
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        wscourse::log("error: ", e.what());
    }
}

}  // namespace

Server::Server(net::io_context& ioc, wscourse::ServerOptions options, Timeouts timeouts)
    : options_(std::move(options))
    , timeouts_(timeouts)
    , files_(options_.web_dir)
    , acceptor_(wscourse::listen_on(ioc.get_executor(), options_.host, options_.port))
    , port_(acceptor_.local_endpoint().port())
{
    net::co_spawn(ioc, accept_loop(), log_exception);
}

net::awaitable<void> Server::accept_loop()
{
    const SessionContext context{options_, timeouts_, files_};
    for (;;) {
        auto [ec, socket] = co_await acceptor_.async_accept(net::as_tuple(net::use_awaitable));
        if (!acceptor_.is_open())
            co_return;  // shutdown() closed it
        if (ec) {
            // E.g. "too many open files": say so, and give the system a moment instead of
            // spinning on an error that will be there again at once.
            wscourse::log("accept failed: ", ec.message());
            net::steady_timer pause(acceptor_.get_executor(), std::chrono::milliseconds(100));
            co_await pause.async_wait(net::as_tuple(net::use_awaitable));
            continue;
        }
        auto session = std::make_shared<Session>(std::move(socket), next_id_++, context);
        // The hook runs on whatever thread calls close_all(); post it to the session's
        // executor, where all of the session's own code runs.
        auto registration = sessions_.add([weak = std::weak_ptr<Session>(session)] {
            if (auto s = weak.lock())
                net::post(s->executor(), [s] { s->go_away(); });
        });
        net::co_spawn(acceptor_.get_executor(), Session::run(session, std::move(registration)),
                      log_exception);
    }
}

void Server::shutdown()
{
    boost::system::error_code ignored;
    acceptor_.close(ignored);  // the pending accept ends with operation_aborted
    sessions_.close_all();
}

}  // namespace lesson01
