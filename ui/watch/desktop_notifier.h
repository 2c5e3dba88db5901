#pragma once

// Desktop notifications through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus, Qt D-Bus), sent
// without waiting for the service's answer. Distress is always notified;
// other alerts at most once every two seconds, the ones between counted
// into the next ("and 12 more in the Alerts dock"), so a busy area does not
// bury the desktop. Where there is no session bus (a server, the tests),
// nothing is shown and that is counted, never an error: the window's alert
// dock and status bar say it all the same.

#include <QElapsedTimer>
#include <QString>

namespace wake::ui {

class DesktopNotifier
{
public:
    static constexpr qint64 kMinIntervalMs = 2000;

    // False when it was not sent (no session bus, or held back to be
    // counted into the next). Critical ones (distress) ask the service to
    // keep them until dismissed.
    bool notify(const QString& summary, const QString& body, bool critical);
    int undelivered() const { return m_undelivered; }
    int heldBack() const { return m_heldBack; }

private:
    int m_undelivered = 0;
    int m_heldBack = 0; // since the last one sent
    QElapsedTimer m_sinceLast;
};

} // namespace wake::ui
