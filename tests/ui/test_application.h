#pragma once

// What every window test needs first: one QApplication for the process, and
// settings of its own (ctest runs test processes side by side, and one test's
// saved settings must not leak into another's window).

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QString>

#include <functional>

namespace wake::test {

inline void ensureApplication()
{
    static int argc = 1;
    static char arg0[] = "wake_ui_tests";
    static char* argv[] = {arg0, nullptr};
    if (QApplication::instance() == nullptr) {
        new QApplication(argc, argv);
    }
}

inline void useSettingsIn(const QString& folder)
{
    QCoreApplication::setOrganizationName(QStringLiteral("WakeTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
    QSettings().clear();
}

// Runs the event loop until done() or timeoutMs; returns done(). Every wait
// in a window test is bounded by it.
inline bool waitFor(const std::function<bool()>& done, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return done();
}

} // namespace wake::test
