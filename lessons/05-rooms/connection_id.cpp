#include "connection_manager.hpp"

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace lesson05 {

std::string new_connection_id()
{
    // Boost.Uuid's random_generator seeds itself from the operating system (getrandom) and
    // is not thread-safe: one per thread. A random id is unguessable, unlike "#7", so it can
    // be shown to the client without letting it guess the ids of others.
    thread_local boost::uuids::random_generator generate;
    return boost::uuids::to_string(generate());
}

}  // namespace lesson05
