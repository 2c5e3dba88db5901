// MainWindow: the File menu's work (opening another database, importing AIS
// data on a worker thread) and the theme.

#include "core/scenario/scenario_installer.h"
#include "ui/import/import_job.h"
#include "ui/mainwindow.h"
#include "ui/panels/vessel_list_model.h"
#include "ui/theme.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>

#include <memory>

namespace wake::ui {

QFileDialog* MainWindow::makeDatabaseDialog()
{
    // An open dialog that also takes a new name (a new database): its button
    // says Open, and naming a file that exists asks nothing.
    auto* dialog = new QFileDialog(this, tr("Open or create a Wake database"),
                                   QFileInfo(m_db.path()).absolutePath(),
                                   tr("Wake databases (*.sqlite *.db);;All files (*)"));
    dialog->setObjectName(QStringLiteral("databaseDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setLabelText(QFileDialog::Accept, tr("Open"));
    return dialog;
}

void MainWindow::chooseDatabase()
{
    const std::unique_ptr<QFileDialog> dialog(makeDatabaseDialog());
    if (dialog->exec() == QDialog::Accepted && !dialog->selectedFiles().isEmpty()) {
        openDatabase(dialog->selectedFiles().front());
    }
}

void MainWindow::connectToServer()
{
    bool ok = false;
    const QString target = QInputDialog::getText(
        this, tr("Connect to a PostgreSQL server"),
        tr("A postgresql:// URI, service=NAME (pg_service.conf) or key=value pairs.\n"
           "PG* variables and ~/.pgpass apply; Wake never stores a password.\n"
           "The database needs PostGIS; Wake creates its tables in an empty one."),
        QLineEdit::Normal, QStringLiteral("postgresql://"), &ok);
    if (ok && !target.trimmed().isEmpty()) {
        if (!store::Database::isServerTarget(target.trimmed())) {
            QMessageBox::information(this, tr("Connect to a server"),
                                     tr("That is not a server address. Use File → Open "
                                        "database... for a file."));
            return;
        }
        openDatabase(target.trimmed());
    }
}

bool MainWindow::openDatabase(const QString& path)
{
    if (isImporting()) {
        QMessageBox::information(this, tr("Open database"),
                                 tr("Wait for the import to finish, or cancel it, first."));
        return false;
    }
    // A file that is not a Wake database, or is damaged, is reported and
    // the current database stays open.
    auto db = scenario::openWithBuiltInScenario(path);
    if (!db) {
        showError(tr("Cannot open %1")
                      .arg(store::Database::isServerTarget(path) ? tr("the server database")
                                                                 : QDir::toNativeSeparators(path)),
                  db.error());
        return false;
    }
    m_db = std::move(db).value();
    restartLive(); // live reception and the traffic picture follow the database
    startTrafficLoader();
    m_selected.reset();
    m_databaseLabel->setText(tr("Database: %1").arg(QDir::toNativeSeparators(m_db.path())));
    // The platform adds " — Wake" (the application's display name) itself.
    setWindowTitle(QFileInfo(m_db.path()).fileName());
    reloadVessels();
    if (m_vesselProxy->rowCount() > 0) {
        m_vesselView->selectRow(0);
    }
    return true;
}

void MainWindow::setTheme(const QString& theme)
{
    QSettings().setValue(QStringLiteral("view/theme"), theme);
    applyTheme(theme);
}

void MainWindow::chooseFilesToImport()
{
    if (isImporting()) {
        return;
    }
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import AIS data"), QString(),
        tr("AIS data (*.nmea *.aivdm *.ais *.log *.txt *.csv *.zip *.gz);;All files (*)"));
    if (!files.isEmpty()) {
        importFiles(files);
    }
}

bool MainWindow::isImporting() const
{
    return m_import && m_import->isRunning();
}

void MainWindow::importFiles(const QStringList& files)
{
    if (isImporting() || files.isEmpty()) {
        return;
    }
    m_import = std::make_unique<ImportJob>(m_db.target(), files);
    m_importProgress =
        new QProgressDialog(tr("Reading %1...").arg(files.front()), tr("Cancel"), 0, 1000, this);
    m_importProgress->setWindowTitle(tr("Importing AIS data"));
    m_importProgress->setWindowModality(Qt::WindowModal);
    m_importProgress->setMinimumDuration(300);
    m_importProgress->setAutoClose(false);
    m_importProgress->setAutoReset(false);
    connect(m_importProgress, &QProgressDialog::canceled, m_import.get(), &ImportJob::cancel);
    connect(m_import.get(), &ImportJob::progress, this,
            [this, files](int index, int count, int permille, qint64 lines, qint64 stored) {
                if (!m_importProgress) {
                    return;
                }
                const QLocale locale;
                m_importProgress->setLabelText(
                    tr("Importing %1 (file %2 of %3)\n%4 lines read, %5 positions stored")
                        .arg(QFileInfo(files.value(index)).fileName())
                        .arg(index + 1)
                        .arg(count)
                        .arg(locale.toString(lines), locale.toString(stored)));
                m_importProgress->setValue(permille);
            });
    connect(m_import.get(), &ImportJob::analysing, this, [this] {
        if (m_importProgress) {
            m_importProgress->setLabelText(tr("Finding events in the imported vessels..."));
        }
    });
    connect(m_import.get(), &ImportJob::finished, this, &MainWindow::onImportFinished);
    statusBar()->showMessage(
        tr("Importing %n file(s)...", nullptr, static_cast<int>(files.size())));
    m_import->start();
}

void MainWindow::onImportFinished(const QString& summary, bool failed, bool cancelled)
{
    if (m_importProgress) {
        m_importProgress->deleteLater();
        m_importProgress = nullptr;
    }
    // What was stored is now in the list and, for the selected vessel, on the map.
    reloadVessels();
    if (m_selected) {
        const model::VesselId id = *m_selected;
        selectVessel(id);
        showVessel(id);
    }
    const QString title = failed      ? tr("Import failed")
                          : cancelled ? tr("Import stopped")
                                      : tr("Import finished");
    statusBar()->showMessage(title, 10000);
    auto* box = new QMessageBox(failed ? QMessageBox::Warning : QMessageBox::Information, title,
                                cancelled ? tr("The import was stopped. Everything read before it "
                                               "is stored.")
                                          : tr("The AIS data was imported. Details below."),
                                QMessageBox::Ok, this);
    box->setDetailedText(summary);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("importSummary"));
    box->open();
    Q_EMIT importFinished(summary, failed, cancelled);
}

} // namespace wake::ui
