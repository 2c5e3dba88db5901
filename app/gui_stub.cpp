// Built when WAKE_BUILD_GUI is OFF (the sanitizer build of the core tests).
#include "cli_support.h"
#include "gui_main.h"

namespace wake::app {

int runGui(int, char*[])
{
    printError(QStringLiteral("this wake was built without its window (WAKE_BUILD_GUI=OFF)"));
    return kExitFailure;
}

} // namespace wake::app
