#include "app/interrupt.h"

#include <atomic>
#include <csignal>

namespace wake::app {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

} // namespace

InterruptGuard::InterruptGuard()
{
    g_interrupted.store(false);
    std::signal(SIGINT, onInterrupt);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, SIG_DFL);
}

bool InterruptGuard::interrupted()
{
    return g_interrupted.load();
}

} // namespace wake::app
