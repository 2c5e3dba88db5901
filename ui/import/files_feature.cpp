#include "ui/import/files_feature.h"

#include "core/scenario/scenario_installer.h"
#include "ui/import/import_job.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStatusBar>

namespace wake::ui {

FilesFeature::FilesFeature(Shell& shell) : QObject(shell.window()), m_shell(shell)
{
    QMenu* file = shell.menu(MenuId::File);
    QAction* create =
        file->addAction(tr("&New database..."), this, &FilesFeature::chooseNewDatabase);
    create->setShortcut(QKeySequence::New);
    create->setObjectName(QStringLiteral("newDatabaseAction"));
    QAction* open = file->addAction(tr("&Open database..."), this, &FilesFeature::chooseDatabase);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("openDatabaseAction"));
    QAction* server =
        file->addAction(tr("Connect to &server..."), this, &FilesFeature::connectToServer);
    server->setObjectName(QStringLiteral("connectServerAction"));
    QAction* import =
        file->addAction(tr("&Import AIS data..."), this, &FilesFeature::chooseFilesToImport);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setObjectName(QStringLiteral("importAction"));
    file->addSeparator();
}

FilesFeature::~FilesFeature() = default;

QFileDialog* FilesFeature::makeOpenDialog()
{
    auto* dialog = new QFileDialog(m_shell.window(), tr("Open a Wake database"),
                                   QFileInfo(m_shell.session().db().path()).absolutePath(),
                                   tr("Wake databases (*.sqlite *.db);;All files (*)"));
    dialog->setObjectName(QStringLiteral("databaseDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setLabelText(QFileDialog::Accept, tr("Open"));
    return dialog;
}

void FilesFeature::chooseDatabase()
{
    const std::unique_ptr<QFileDialog> dialog(makeOpenDialog());
    if (dialog->exec() == QDialog::Accepted && !dialog->selectedFiles().isEmpty()) {
        openDatabase(dialog->selectedFiles().front());
    }
}

void FilesFeature::chooseNewDatabase()
{
    QDialog dialog(m_shell.window());
    dialog.setWindowTitle(tr("New database"));
    auto* form = new QFormLayout(&dialog);
    auto* path = new QLineEdit(&dialog);
    path->setObjectName(QStringLiteral("newDatabasePath"));
    path->setText(QDir(QFileInfo(m_shell.session().db().path()).absolutePath())
                      .filePath(QStringLiteral("new.sqlite")));
    auto* browse = new QPushButton(tr("&Browse..."), &dialog);
    connect(browse, &QPushButton::clicked, &dialog, [&] {
        const QString chosen = QFileDialog::getSaveFileName(
            &dialog, tr("New database"), path->text(), tr("Wake databases (*.sqlite *.db)"));
        if (!chosen.isEmpty()) {
            path->setText(chosen);
        }
    });
    auto* row = new QHBoxLayout;
    row->addWidget(path, 1);
    row->addWidget(browse);
    form->addRow(tr("&File:"), row);
    auto* scenario =
        new QCheckBox(tr("With the built-in &scenario (the Chong Chon Gang, 2013)"), &dialog);
    scenario->setObjectName(QStringLiteral("newDatabaseScenario"));
    form->addRow(scenario);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() == QDialog::Accepted && !path->text().trimmed().isEmpty()) {
        newDatabase(path->text().trimmed(), scenario->isChecked());
    }
}

void FilesFeature::connectToServer()
{
    bool ok = false;
    const QString target = QInputDialog::getText(
        m_shell.window(), tr("Connect to a PostgreSQL server"),
        tr("A postgresql:// URI, service=NAME (pg_service.conf) or key=value pairs.\n"
           "PG* variables and ~/.pgpass apply; Wake never stores a password.\n"
           "The database needs PostGIS; Wake creates its tables in an empty one."),
        QLineEdit::Normal, QStringLiteral("postgresql://"), &ok);
    if (!ok || target.trimmed().isEmpty()) {
        return;
    }
    if (!store::Database::isServerTarget(target.trimmed())) {
        QMessageBox::information(m_shell.window(), tr("Connect to a server"),
                                 tr("That is not a server address. Use File → Open database... "
                                    "for a file."));
        return;
    }
    openDatabase(target.trimmed());
}

bool FilesFeature::openDatabase(const QString& target)
{
    if (!store::Database::isServerTarget(target) && !QFileInfo::exists(target)) {
        m_shell.showError(tr("Cannot open %1").arg(QDir::toNativeSeparators(target)),
                          Error{Error::Code::NotFound,
                                tr("there is no such file (File → New database... makes one)"),
                                {}});
        return false;
    }
    return useDatabase(target, false, false);
}

bool FilesFeature::newDatabase(const QString& path, bool withScenario)
{
    if (QFileInfo::exists(path)) {
        m_shell.showError(tr("Cannot create %1").arg(QDir::toNativeSeparators(path)),
                          Error{Error::Code::Io,
                                tr("a file of that name exists; open it, or choose another "
                                   "name"),
                                {}});
        return false;
    }
    return useDatabase(path, true, withScenario);
}

bool FilesFeature::useDatabase(const QString& target, bool created, bool withScenario)
{
    if (m_shell.session().isWorking()) {
        QMessageBox::information(m_shell.window(), tr("Open database"),
                                 tr("Wait for the import or analysis to finish, or cancel it, "
                                    "first."));
        return false;
    }
    // A file that is not a Wake database, or is damaged, is reported and
    // the current database stays open.
    auto db = withScenario ? scenario::openWithBuiltInScenario(target)
                           : scenario::openKeepingScenario(target);
    if (!db) {
        const QString what = store::Database::isServerTarget(target)
                                 ? tr("the server database")
                                 : QDir::toNativeSeparators(target);
        m_shell.showError(created ? tr("Cannot create %1").arg(what)
                                  : tr("Cannot open %1").arg(what),
                          db.error());
        return false;
    }
    m_shell.session().replaceDatabase(std::move(db).value());
    return true;
}

void FilesFeature::chooseFilesToImport()
{
    if (isImporting()) {
        return;
    }
    const QStringList files = QFileDialog::getOpenFileNames(
        m_shell.window(), tr("Import AIS data"), QString(),
        tr("AIS data (*.nmea *.aivdm *.ais *.log *.txt *.csv *.zip *.gz);;All files (*)"));
    if (!files.isEmpty()) {
        importFiles(files);
    }
}

bool FilesFeature::isImporting() const
{
    return m_import && m_import->isRunning();
}

void FilesFeature::importFiles(const QStringList& files)
{
    if (isImporting() || files.isEmpty()) {
        return;
    }
    m_shell.session().beginWork();
    m_import = std::make_unique<ImportJob>(m_shell.session().db().target(), files);
    m_progress = new QProgressDialog(tr("Reading %1...").arg(files.front()), tr("Cancel"), 0, 1000,
                                     m_shell.window());
    m_progress->setWindowTitle(tr("Importing AIS data"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_import.get(), &ImportJob::cancel);
    connect(m_import.get(), &ImportJob::progress, this,
            [this, files](int index, int count, int permille, qint64 lines, qint64 stored) {
                if (!m_progress) {
                    return;
                }
                const QLocale locale;
                m_progress->setLabelText(
                    tr("Importing %1 (file %2 of %3)\n%4 lines read, %5 positions stored")
                        .arg(QFileInfo(files.value(index)).fileName())
                        .arg(index + 1)
                        .arg(count)
                        .arg(locale.toString(lines), locale.toString(stored)));
                m_progress->setValue(permille);
            });
    connect(m_import.get(), &ImportJob::analysing, this, [this] {
        if (m_progress) {
            m_progress->setLabelText(tr("Finding events in the imported vessels..."));
        }
    });
    connect(m_import.get(), &ImportJob::finished, this, &FilesFeature::onImportFinished);
    m_shell.statusBar()->showMessage(
        tr("Importing %n file(s)...", nullptr, static_cast<int>(files.size())));
    m_import->start();
}

void FilesFeature::onImportFinished(const QString& summary, bool failed, bool cancelled)
{
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    m_shell.session().endWork();
    // What was stored is now in the list and, for the selected vessel, on
    // every panel.
    m_shell.session().notifyStoreChanged();
    const QString title = failed      ? tr("Import failed")
                          : cancelled ? tr("Import stopped")
                                      : tr("Import finished");
    m_shell.statusBar()->showMessage(title, 10000);
    auto* box = new QMessageBox(failed ? QMessageBox::Warning : QMessageBox::Information, title,
                                cancelled ? tr("The import was stopped. Everything read before it "
                                               "is stored.")
                                          : tr("The AIS data was imported. Details below."),
                                QMessageBox::Ok, m_shell.window());
    box->setDetailedText(summary);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("importSummary"));
    box->open();
    Q_EMIT importFinished(summary, failed, cancelled);
}

} // namespace wake::ui
