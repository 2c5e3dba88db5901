#include "gui_main.h"

#include "cli_support.h"
#include "mainwindow.h"
#include "scenario/scenario_installer.h"

#include <QApplication>
#include <QMessageBox>

namespace wake::app {

int runGui(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Wake"));

    QString path;
    if (auto exit = parseGuiArguments(QApplication::arguments(), path)) {
        return *exit;
    }
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
