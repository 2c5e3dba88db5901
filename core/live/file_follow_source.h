#pragma once

// file:PATH: follows a growing log like tail -F. It starts at the end of a
// file that exists (what is there already is history: import it), reads
// what is appended, and when the file is rotated (renamed or removed and
// created again, or truncated) it first reads the rest of the old file, then
// the new one from its start. A missing file is waited for.

#include "live/live_source.h"

#include <QFile>
#include <QTimer>

#include <sys/types.h>

namespace wake::live {

class FileFollowSource : public LiveSource
{
    Q_OBJECT
public:
    FileFollowSource(const QString& name, const SourceUrl& url, const SourceTiming& timing);

protected:
    void open() override;
    void close() override;
    bool reopensWhenStalled() const override { return false; }

private:
    void poll();
    void readAvailable();
    bool openPath(bool fromEnd);

    QFile m_file;
    QTimer m_poll;
    LineSplitter m_splitter;
    dev_t m_device = 0;
    ino_t m_inode = 0;
    bool m_waitingForFile = false;
};

} // namespace wake::live
