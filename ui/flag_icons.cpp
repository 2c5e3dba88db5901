#include "ui/flag_icons.h"

#include <QFile>
#include <QHash>

#include <mutex>

static void wakeInitUiDataResource()
{
    Q_INIT_RESOURCE(flags);
}

namespace wake::ui {

QString flagResourcePath(const QString& alpha2)
{
    static std::once_flag once;
    std::call_once(once, wakeInitUiDataResource);
    const QString path = QStringLiteral(":/wake/flags/%1.svg").arg(alpha2.toLower());
    return QFile::exists(path) ? path : QStringLiteral(":/wake/flags/xx.svg");
}

QIcon flagIcon(const QString& alpha2)
{
    static QHash<QString, QIcon> cache;
    const QString key = alpha2.toLower();
    auto it = cache.find(key);
    if (it == cache.end()) {
        it = cache.insert(key, QIcon(flagResourcePath(key)));
    }
    return *it;
}

} // namespace wake::ui
