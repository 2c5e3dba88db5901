#pragma once

// The headless subcommands. Each takes its arguments (argv[0] = "wake <cmd>")
// and returns the process exit code (see ExitCode).

#include <QStringList>

namespace wake::app {

int runVesselsCommand(const QStringList& arguments);
int runEventsCommand(const QStringList& arguments);
int runPortsCommand(const QStringList& arguments);

} // namespace wake::app
