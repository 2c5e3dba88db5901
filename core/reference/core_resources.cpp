#include "core/reference/core_resources.h"

#include <QtGlobal>

#include <mutex>

// Q_INIT_RESOURCE must be used outside any namespace.
static void wakeInitCoreDataResource()
{
    Q_INIT_RESOURCE(core_data);
}

namespace wake::reference {

void ensureCoreResources()
{
    static std::once_flag once;
    std::call_once(once, wakeInitCoreDataResource);
}

QString corePath(const QString& relative)
{
    ensureCoreResources();
    return QStringLiteral(":/wake/") + relative;
}

} // namespace wake::reference
