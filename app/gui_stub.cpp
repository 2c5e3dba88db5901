// Built when WAKE_BUILD_GUI is OFF (the sanitizer build of the core tests).
#include "cli_support.h"
#include "gui_main.h"

namespace wake::app {

int runGui(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    QString path;
    if (auto exit = parseGuiArguments(arguments, path)) {
        return *exit;
    }
    printError(QStringLiteral("this wake was built without its window (WAKE_BUILD_GUI=OFF)"));
    return kExitFailure;
}

} // namespace wake::app
