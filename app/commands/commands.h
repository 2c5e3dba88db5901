#pragma once

// The headless subcommands. Each takes its arguments (argv[0] = "wake <cmd>")
// and returns the process exit code (see ExitCode).

#include <QStringList>

namespace wake::app {

int runVesselsCommand(const QStringList& arguments);
int runEventsCommand(const QStringList& arguments);
int runPortsCommand(const QStringList& arguments);
int runPlacesCommand(const QStringList& arguments);
int runListsCommand(const QStringList& arguments);
int runCallsCommand(const QStringList& arguments);
int runProfileCommand(const QStringList& arguments);
int runCaseCommand(const QStringList& arguments);
int runAreasCommand(const QStringList& arguments);
int runDecodeCommand(const QStringList& arguments);
int runImportCommand(const QStringList& arguments);
int runAnalyzeCommand(const QStringList& arguments);
int runVoyagesCommand(const QStringList& arguments);
int runLiveCommand(const QStringList& arguments);
int runAlertsCommand(const QStringList& arguments);
int runWatchCommand(const QStringList& arguments);
int runExportCommand(const QStringList& arguments);
// Needs a Gui application object, so it takes argc/argv and creates its own.
int runRenderCommand(int argc, char* argv[]);
int runReportCommand(int argc, char* argv[]);

} // namespace wake::app
