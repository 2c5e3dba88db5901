#include "gui_main.h"

#include "cli_support.h"
#include "mainwindow.h"
#include "scenario/scenario_installer.h"

#include <QApplication>
#include <QMessageBox>

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
    QString path;
    if (auto exit = parseGuiArguments(withoutQtOptions(argc, argv), path)) {
        return *exit;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Wake"));
    auto db = scenario::openWithBuiltInScenario(path);
    if (!db) {
        printError(db.error().toString());
        QMessageBox::critical(
            nullptr, QStringLiteral("Wake"),
            QStringLiteral("Wake cannot open the database.\n\n%1").arg(db.error().toString()));
        return kExitFailure;
    }
    ui::MainWindow window(std::move(db).value());
    window.show();
    return QApplication::exec();
}

} // namespace wake::app
