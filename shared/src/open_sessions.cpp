#include <wscourse/open_sessions.hpp>

#include <vector>

namespace wscourse {

OpenSessions::Registration::Registration(std::weak_ptr<State> state,
                                         std::list<CloseHook>::iterator hook)
    : state_(std::move(state)), hook_(hook)
{
}

OpenSessions::Registration& OpenSessions::Registration::operator=(Registration&& other) noexcept
{
    if (this != &other) {
        reset();
        state_ = std::move(other.state_);
        hook_ = other.hook_;
    }
    return *this;
}

OpenSessions::Registration::~Registration() { reset(); }

void OpenSessions::Registration::reset()
{
    if (auto state = state_.lock()) {
        std::lock_guard lock(state->mutex);
        state->close_hooks.erase(hook_);
    }
    state_.reset();
}

OpenSessions::Registration OpenSessions::add(CloseHook close_going_away)
{
    bool closing;
    std::list<CloseHook>::iterator hook;
    {
        std::lock_guard lock(state_->mutex);
        closing = state_->closing;
        hook = state_->close_hooks.insert(state_->close_hooks.end(), close_going_away);
    }
    if (closing)
        close_going_away();
    return Registration(state_, hook);
}

void OpenSessions::close_all()
{
    std::vector<CloseHook> hooks;
    {
        std::lock_guard lock(state_->mutex);
        state_->closing = true;
        hooks.assign(state_->close_hooks.begin(), state_->close_hooks.end());
    }
    // Outside the lock: a hook may end its session, which unregisters it.
    for (auto& hook : hooks)
        hook();
}

std::size_t OpenSessions::size() const
{
    std::lock_guard lock(state_->mutex);
    return state_->close_hooks.size();
}

bool OpenSessions::closing() const
{
    std::lock_guard lock(state_->mutex);
    return state_->closing;
}

}  // namespace wscourse
