#pragma once

// Desktop notifications through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus, Qt D-Bus). Where there
// is no session bus or no service (a server, the tests), nothing is shown
// and that is counted, never an error: the window's alert dock and status
// bar say it all the same.

#include <QString>

namespace wake::ui {

class DesktopNotifier
{
public:
    // Shows a notification; false when no notification service answered.
    // Critical ones (distress) ask the service to keep them until dismissed.
    bool notify(const QString& summary, const QString& body, bool critical);
    int undelivered() const { return m_undelivered; }

private:
    int m_undelivered = 0;
};

} // namespace wake::ui
