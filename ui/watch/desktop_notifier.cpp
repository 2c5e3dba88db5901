#include "ui/watch/desktop_notifier.h"

#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>
#include <QVariantMap>

namespace wake::ui {

bool DesktopNotifier::notify(const QString& summary, const QString& body, bool critical)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        ++m_undelivered;
        return false;
    }
    QDBusInterface service(QStringLiteral("org.freedesktop.Notifications"),
                           QStringLiteral("/org/freedesktop/Notifications"),
                           QStringLiteral("org.freedesktop.Notifications"), bus);
    if (!service.isValid()) {
        ++m_undelivered;
        return false;
    }
    // Urgency 2 is critical: the service keeps it on screen (expire 0).
    QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue<uchar>(critical ? 2 : 1)}};
    const QDBusReply<uint> reply =
        service.call(QStringLiteral("Notify"), QStringLiteral("Wake"), 0u, QStringLiteral("wake"),
                     summary, body, QStringList(), hints, critical ? 0 : 10'000);
    if (!reply.isValid()) {
        ++m_undelivered;
        return false;
    }
    return true;
}

} // namespace wake::ui
