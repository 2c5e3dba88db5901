#include "live/file_follow_source.h"

#include <sys/stat.h>

namespace wake::live {

FileFollowSource::FileFollowSource(const QString& name, const SourceUrl& url,
                                   const SourceTiming& timing)
    : LiveSource(name, url, timing)
{
    m_poll.setInterval(timing.filePollMs);
    connect(&m_poll, &QTimer::timeout, this, &FileFollowSource::poll);
}

bool FileFollowSource::openPath(bool fromEnd)
{
    m_file.close();
    m_file.setFileName(url().path);
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return false;
    }
    struct stat st
    {};
    if (::fstat(m_file.handle(), &st) != 0) {
        m_file.close();
        return false;
    }
    m_device = st.st_dev;
    m_inode = st.st_ino;
    if (fromEnd) {
        m_file.seek(m_file.size());
    }
    m_splitter = LineSplitter();
    return true;
}

void FileFollowSource::open()
{
    // Existing content is history; a file that appears later is read whole.
    m_waitingForFile = !openPath(true);
    if (m_waitingForFile) {
        noteError(QStringLiteral("%1 does not exist yet; waiting for it").arg(url().path));
    }
    m_poll.start();
    setOpen();
}

void FileFollowSource::close()
{
    m_poll.stop();
    if (m_file.isOpen()) {
        readAvailable();
        endStream(m_splitter);
        m_file.close();
    }
}

void FileFollowSource::readAvailable()
{
    char buffer[64 * 1024];
    for (;;) {
        const qint64 n = m_file.read(buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        deliver(m_splitter, buffer, n);
    }
}

void FileFollowSource::poll()
{
    if (m_waitingForFile) {
        m_waitingForFile = !openPath(false);
        if (m_waitingForFile) {
            return;
        }
    }
    struct stat st
    {};
    const bool present = ::stat(url().path.toLocal8Bit().constData(), &st) == 0;
    const bool rotated = present && (st.st_dev != m_device || st.st_ino != m_inode);
    const bool truncated = present && !rotated && st.st_size < m_file.pos();
    if (truncated) {
        m_file.seek(0);
        m_splitter = LineSplitter();
    }
    readAvailable();
    if (rotated || !present) {
        // The old file is read to its end; its last line is complete now.
        endStream(m_splitter);
        m_file.close();
        m_waitingForFile = !openPath(false);
    }
}

} // namespace wake::live
