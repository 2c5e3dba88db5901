#include "gui_main.h"

#include "cli_support.h"
#include "mainwindow.h"
#include "scenario/scenario_installer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

namespace wake::app {

int runGui(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Wake"));

    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Database file to open."), QStringLiteral("PATH")});
    if (!parser.parse(QApplication::arguments())) {
        printError(parser.errorText() + QStringLiteral(" (see wake --help)"));
        return kExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("unexpected argument \"%1\" (see wake --help)")
                       .arg(parser.positionalArguments().front()));
        return kExitUsage;
    }
    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                            : defaultDatabasePath();
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
