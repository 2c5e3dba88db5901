#include "app/gui_main.h"

#include "app/cli_support.h"
#include "core/scenario/scenario_installer.h"
#include "ui/app_icon.h"
#include "ui/mainwindow.h"
#include "ui/map/map_widget.h"
#include "ui/shell/open_on.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>

namespace wake::app {

namespace {

// The command line without the options QApplication takes for itself
// (-platform offscreen, -style fusion ...), so Wake's own can be checked
// before any GUI object exists: a wrong flag on a machine without a display
// is a usage error, not an abort inside Qt.
QStringList withoutQtOptions(int argc, char* argv[])
{
    static const QStringList kWithValue = {QStringLiteral("platform"),
                                           QStringLiteral("platformpluginpath"),
                                           QStringLiteral("platformtheme"),
                                           QStringLiteral("plugin"),
                                           QStringLiteral("qwindowgeometry"),
                                           QStringLiteral("qwindowicon"),
                                           QStringLiteral("qwindowtitle"),
                                           QStringLiteral("display"),
                                           QStringLiteral("geometry"),
                                           QStringLiteral("style"),
                                           QStringLiteral("stylesheet"),
                                           QStringLiteral("session"),
                                           QStringLiteral("name"),
                                           QStringLiteral("title")};
    static const QStringList kFlags = {QStringLiteral("reverse"), QStringLiteral("widgetcount"),
                                       QStringLiteral("nograb"), QStringLiteral("dograb"),
                                       QStringLiteral("sync")};
    QStringList out;
    for (int i = 0; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        QString name = arg;
        while (name.startsWith(QLatin1Char('-'))) {
            name.remove(0, 1);
        }
        if (i > 0 && arg.startsWith(QLatin1Char('-')) && kWithValue.contains(name)) {
            ++i; // and its value
            continue;
        }
        if (i > 0 && arg.startsWith(QLatin1Char('-')) && kFlags.contains(name)) {
            continue;
        }
        out << arg;
    }
    return out;
}

} // namespace

int runGui(int argc, char* argv[])
{
    GuiOptions options;
    if (auto exit = parseGuiArguments(withoutQtOptions(argc, argv), options)) {
        return *exit;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Wake"));
    QApplication::setWindowIcon(ui::appIcon());
    // Ties the windows to the installed menu entry (and its icon) on Wayland.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.wakemaritime.Wake"));
    auto db = openStore(options.databasePath, options.withScenario);
    if (!db) {
        printError(db.error().toString());
        QMessageBox::critical(
            nullptr, QStringLiteral("Wake"),
            QStringLiteral("Wake cannot open the database.\n\n%1").arg(db.error().toString()));
        return kExitFailure;
    }
    if (options.vessel) {
        auto vessel = db->vessel(*options.vessel);
        if (!vessel || !*vessel) {
            printError(QStringLiteral("no vessel with id %1 in %2 (see 'wake vessels')")
                           .arg(*options.vessel)
                           .arg(options.databasePath));
            return kExitUsage;
        }
    }
    ui::MainWindow window(std::move(db).value());
    ui::openWindowOn(window, {options.vessel, options.time, options.fit});
    // WAKE_FIRST_FRAME_EXIT=1: print the time from start to the first map
    // frame and quit (tests/bench/store_at_scale.sh).
    if (qEnvironmentVariableIntValue("WAKE_FIRST_FRAME_EXIT") == 1) {
        QObject::connect(window.map(), &ui::MapWidget::firstFramePainted, &app, [&] {
            printErr(QStringLiteral("first frame after %1 ms\n").arg(startTimer().elapsed()));
            QTimer::singleShot(0, &app, &QApplication::quit);
        });
    }
    window.show();
    return QApplication::exec();
}

} // namespace wake::app
