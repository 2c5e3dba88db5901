// Built when WAKE_BUILD_GUI is OFF (the sanitizer build of the core tests):
// the window and render need Qt Gui, which this build does not link. Both
// still answer --help and say plainly why they cannot run.
#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "app/gui_main.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace wake::app {

namespace {

const QString kNoWindow =
    QStringLiteral("this wake was built without its window (WAKE_BUILD_GUI=OFF)");

} // namespace

int runGui(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    GuiOptions options;
    if (auto exit = parseGuiArguments(arguments, options)) {
        return *exit;
    }
    printError(kNoWindow);
    return kExitFailure;
}

int runRenderCommand(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const bool help = std::any_of(argv + 1, argv + argc, [](const char* a) {
        return std::strcmp(a, "-h") == 0 || std::strcmp(a, "--help") == 0;
    });
    if (help) {
        printOut(QStringLiteral("usage: wake render --out FILE.png [OPTIONS]\n\n"
                                "Draws the map without a display. %1: use a wake built with "
                                "its window.\n")
                     .arg(kNoWindow));
        return kExitOk;
    }
    printError(QStringLiteral("render needs the map renderer; ") + kNoWindow);
    return kExitFailure;
}

int runReportCommand(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const bool help = std::any_of(argv + 1, argv + argc, [](const char* a) {
        return std::strcmp(a, "-h") == 0 || std::strcmp(a, "--help") == 0;
    });
    if (help) {
        printOut(QStringLiteral("usage: wake report --out FILE.pdf|FILE.html [OPTIONS]\n\n"
                                "Writes a vessel's report with its map. %1: use a wake built "
                                "with its window.\n")
                     .arg(kNoWindow));
        return kExitOk;
    }
    printError(QStringLiteral("report draws its map with the map renderer; ") + kNoWindow);
    return kExitFailure;
}

} // namespace wake::app
