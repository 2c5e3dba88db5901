#include "ui/watch/desktop_notifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QStringList>
#include <QVariantMap>

namespace wake::ui {

bool DesktopNotifier::notify(const QString& summary, const QString& body, bool critical)
{
    if (!critical && m_sinceLast.isValid() && m_sinceLast.elapsed() < kMinIntervalMs) {
        ++m_heldBack;
        return false;
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        ++m_undelivered;
        return false;
    }
    QString text = body;
    if (m_heldBack > 0) {
        text += QStringLiteral("\n(and %1 more in the Alerts dock)").arg(m_heldBack);
    }
    // Urgency 2 is critical: the service keeps it on screen (expire 0).
    const QVariantMap hints{
        {QStringLiteral("urgency"), QVariant::fromValue<uchar>(critical ? 2 : 1)}};
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    call << QStringLiteral("Wake") << 0u << QStringLiteral("wake") << summary << text
         << QStringList() << hints << (critical ? 0 : 10'000);
    // Not waiting for the answer: a slow or missing service never holds the window.
    if (!bus.send(call)) {
        ++m_undelivered;
        return false;
    }
    m_heldBack = 0;
    m_sinceLast.start();
    return true;
}

} // namespace wake::ui
