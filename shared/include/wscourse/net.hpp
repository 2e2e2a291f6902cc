// The namespace aliases every lesson uses, as in Boost.Beast's examples.
#pragma once

#include <boost/asio.hpp>

namespace net = boost::asio;            // from <boost/asio.hpp>
using tcp = boost::asio::ip::tcp;       // from <boost/asio/ip/tcp.hpp>
