// wake: the GUI by default; headless subcommands for scripts and tests.
// Subcommands are dispatched before any application object exists, so they
// run with QCoreApplication and need no display.

#include "app/cli_support.h"
#include "app/commands/command_table.h"
#include "app/gui_main.h"
#include "core/geo/coast_tiles.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace {

const char* const kVersion = WAKE_VERSION;

} // namespace

int main(int argc, char* argv[])
{
    wake::app::startTimer();
    // Options may come before the command ("wake --db X vessels" is "wake
    // vessels --db X"): the command found after them moves to the front. An
    // option's value is any word after it that is not a command.
    const auto isCommand = [&](const QString& word) {
        return wake::app::findCommand(word) != nullptr;
    };
    if (argc > 2 && QString::fromLocal8Bit(argv[1]).startsWith(QLatin1String("--"))) {
        for (int i = 1; i < argc; ++i) {
            const QString word = QString::fromLocal8Bit(argv[i]);
            if (isCommand(word)) {
                std::rotate(argv + 1, argv + i, argv + i + 1);
                break;
            }
            const bool takesNext =
                word.startsWith(QLatin1String("--")) && !word.contains(QLatin1Char('=')) &&
                i + 1 < argc && !QString::fromLocal8Bit(argv[i + 1]).startsWith(QLatin1Char('-')) &&
                !isCommand(QString::fromLocal8Bit(argv[i + 1]));
            if (!word.startsWith(QLatin1Char('-'))) {
                break; // a word that is neither an option nor a command: leave it
            }
            i += takesNext ? 1 : 0;
        }
    }
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    QCoreApplication::setApplicationName(QStringLiteral("wake"));
    QCoreApplication::setOrganizationName(QStringLiteral("wake"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        wake::app::printOut(
            wake::app::globalHelp(QString::fromLatin1(kVersion), wake::app::defaultDatabasePath()));
        return wake::app::kExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        QCoreApplication app(argc, argv);
        // Where the harbour-scale coast was found: what a packager or a user
        // with a plain Natural Earth harbour map wants to know.
        const QString coast = wake::geo::CoastTiles::defaultPath();
        wake::app::printOut(
            QStringLiteral("wake %1\ncoast data: %2\n")
                .arg(QString::fromLatin1(kVersion),
                     QFileInfo::exists(coast)
                         ? coast
                         : QStringLiteral("not found (harbours are drawn from Natural Earth)")));
        return wake::app::kExitOk;
    }
    if (const wake::app::CommandEntry* command = wake::app::findCommand(first)) {
        if (command->runWithArgv != nullptr) {
            return command->runWithArgv(argc, argv);
        }
        QCoreApplication app(argc, argv);
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1);
        arguments[0] = QStringLiteral("wake ") + first;
        return command->runHeadless(arguments);
    }
    if (!first.isEmpty() && !first.startsWith(QLatin1Char('-'))) {
        wake::app::printError(
            QStringLiteral("unknown command \"%1\" (commands: %2; see wake --help)")
                .arg(first, wake::app::commandNames()));
        return wake::app::kExitUsage;
    }
    return wake::app::runGui(argc, argv);
}
