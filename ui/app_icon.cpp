#include "ui/app_icon.h"

#include <mutex>

static void wakeInitAppIconResource()
{
    Q_INIT_RESOURCE(app_icon); // pulls the resource object into every link
}

namespace wake::ui {

QIcon appIcon()
{
    static std::once_flag once;
    std::call_once(once, wakeInitAppIconResource);
    return QIcon(QStringLiteral(":/wake/icon.svg"));
}

} // namespace wake::ui
