#pragma once

// A window test's import: what importFinished reported, and a bounded wait
// that keeps the event loop running.

#include "ui/import/files_feature.h"
#include "ui/mainwindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

namespace wake::test {

struct ImportResult
{
    bool done = false;
    QString summary;
    bool failed = false;
    bool cancelled = false;
};

inline void watchImport(wake::ui::MainWindow& window, ImportResult& result)
{
    QObject::connect(&window.files(), &wake::ui::FilesFeature::importFinished, &window,
                     [&result](const QString& summary, bool failed, bool cancelled) {
                         result = {true, summary, failed, cancelled};
                     });
}

inline bool waitForImport(const ImportResult& result, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!result.done && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return result.done;
}

} // namespace wake::test
