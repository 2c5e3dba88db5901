#pragma once

// What every window test needs first: one QApplication for the process, and
// settings of its own (ctest runs test processes side by side, and one test's
// saved settings must not leak into another's window).

#include <QApplication>
#include <QSettings>
#include <QString>

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

} // namespace wake::test
