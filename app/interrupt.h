#pragma once

// Ctrl-C for long commands (import, analyze): the first SIGINT sets a flag
// that the command's progress callback reads, so the work stops cleanly at
// the next batch and the command exits 130.

namespace wake::app {

inline constexpr int kExitInterrupted = 130;

class InterruptGuard
{
public:
    InterruptGuard();  // installs the handler and clears the flag
    ~InterruptGuard(); // restores the default handler
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    static bool interrupted();
};

} // namespace wake::app
