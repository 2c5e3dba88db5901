#pragma once

namespace wake::app {

// Opens the main window (or says why it cannot). Returns the exit code.
int runGui(int argc, char* argv[]);

} // namespace wake::app
