#pragma once

// File → New database…, Open database…, Connect to server… and Import AIS
// data…: which store the window works on, and what comes into it. An
// import runs on a worker thread with a progress dialog and Cancel.

#include <QObject>
#include <QStringList>

#include <memory>

class QFileDialog;
class QProgressDialog;

namespace wake::ui {

class ImportJob;
class Shell;

class FilesFeature : public QObject
{
    Q_OBJECT
public:
    explicit FilesFeature(Shell& shell);
    ~FilesFeature() override;

    // Opens an existing store (a file or a server target). On failure the
    // message says why and the current one stays open.
    bool openDatabase(const QString& target);
    // Creates a new store, empty or with the built-in scenario.
    bool newDatabase(const QString& path, bool withScenario);
    // The dialogs (not yet shown; the caller owns them).
    QFileDialog* makeOpenDialog();
    // Imports the files on a worker thread (no file dialog).
    void importFiles(const QStringList& files);
    bool isImporting() const;

Q_SIGNALS:
    void importFinished(const QString& summary, bool failed, bool cancelled);

private:
    void chooseDatabase();
    void chooseNewDatabase();
    void connectToServer();
    void chooseFilesToImport();
    bool useDatabase(const QString& target, bool created, bool withScenario);
    void onImportFinished(const QString& summary, bool failed, bool cancelled);

    Shell& m_shell;
    std::unique_ptr<ImportJob> m_import;
    QProgressDialog* m_progress = nullptr;
};

} // namespace wake::ui
