#pragma once

// The one table of wake's headless commands: dispatch, the global --help and
// the unknown-command message all read it, so a command cannot be runnable
// but unlisted, or listed but unknown (as osmium-tool registers its commands).

#include <QString>
#include <QStringList>

#include <vector>

namespace wake::app {

struct CommandEntry
{
    QString name;
    // The global help's two columns: "events [--vessel ID]" and what it does;
    // further lines of the description follow as options.
    QString synopsis;
    QStringList description;
    // Exactly one is set. A headless command runs under QCoreApplication with
    // argv[0] = "wake <name>"; a Gui one (render) makes its own application.
    int (*runHeadless)(const QStringList& arguments) = nullptr;
    int (*runWithArgv)(int argc, char* argv[]) = nullptr;
};

const std::vector<CommandEntry>& commandTable();
const CommandEntry* findCommand(const QString& name);

// "vessels, events, ..." in the table's order.
QString commandNames();
// The global help text (wake --help), the commands' lines from the table.
QString globalHelp(const QString& version, const QString& defaultDatabase);

} // namespace wake::app
