#include "core/live/file_follow_source.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wake::live {

namespace {

constexpr qsizetype kTailBytes = 64;

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

FileFollowSource::FileFollowSource(const QString& name, const SourceUrl& url,
                                   const SourceTiming& timing)
    : LiveSource(name, url, timing)
{
    m_poll.setInterval(timing.filePollMs);
    connect(&m_poll, &QTimer::timeout, this, &FileFollowSource::poll);
}

FileFollowSource::~FileFollowSource()
{
    for (auto* f : {&m_current, &m_previous}) {
        if (*f && (*f)->fd >= 0) {
            ::close((*f)->fd);
        }
    }
}

std::optional<FileFollowSource::Followed> FileFollowSource::openPath(bool fromEnd, QString& error)
{
    const QByteArray path = QFile::encodeName(url().path);
    // Non-blocking: opening a FIFO with no writer would wait for one.
    const int fd = ::open(path.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT) {
            error = QStringLiteral("cannot open %1: %2")
                        .arg(url().path, QString::fromLocal8Bit(std::strerror(errno)));
        }
        return std::nullopt;
    }
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode) || S_ISCHR(st.st_mode) ||
        S_ISBLK(st.st_mode)) {
        error = S_ISDIR(st.st_mode)
                    ? QStringLiteral("%1 is a folder, not a log file").arg(url().path)
                    : QStringLiteral("%1 is a device, not a log file (a receiver on a serial "
                                     "port is serial:%1)")
                          .arg(url().path);
        ::close(fd);
        return std::nullopt;
    }
    Followed f;
    f.fd = fd;
    f.device = st.st_dev;
    f.inode = st.st_ino;
    f.regular = S_ISREG(st.st_mode);
    f.lastDataMs = nowMs();
    if (fromEnd && f.regular) {
        f.pos = st.st_size;
        if (f.pos > 0) {
            f.tail.resize(std::min<std::int64_t>(kTailBytes, f.pos));
            const auto n = ::pread(fd, f.tail.data(), static_cast<std::size_t>(f.tail.size()),
                                   f.pos - f.tail.size());
            f.tail.resize(std::max<qsizetype>(0, n));
        }
    }
    return f;
}

void FileFollowSource::open()
{
    // Existing content is history; a file that appears later is read whole.
    QString error;
    m_current = openPath(true, error);
    m_waitingForFile = !m_current;
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    if (m_waitingForFile) {
        noteError(QStringLiteral("%1 does not exist yet; waiting for it").arg(url().path));
    }
    m_poll.start();
    setOpen();
}

void FileFollowSource::finish(Followed& f)
{
    while (readFrom(f, kMaxBytesPerTurn) > 0) {
    }
    endStream(f.splitter); // its last line is complete now
    ::close(f.fd);
    f.fd = -1;
}

void FileFollowSource::close()
{
    m_poll.stop();
    if (m_previous) {
        finish(*m_previous);
        m_previous.reset();
    }
    if (m_current) {
        if (m_current->regular) {
            finish(*m_current); // a file has an end; a FIFO may not
        } else {
            ::close(m_current->fd);
        }
        m_current.reset();
    }
}

qsizetype FileFollowSource::readFrom(Followed& f, qsizetype budget)
{
    char buffer[64 * 1024];
    qsizetype total = 0;
    while (total < budget) {
        const auto want = static_cast<std::size_t>(
            std::min<qsizetype>(static_cast<qsizetype>(sizeof buffer), budget - total));
        const ssize_t n =
            f.regular ? ::pread(f.fd, buffer, want, f.pos) : ::read(f.fd, buffer, want);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            break;
        }
        if (n < 0) {
            noteError(QStringLiteral("cannot read %1: %2")
                          .arg(url().path, QString::fromLocal8Bit(std::strerror(errno))));
            return -1;
        }
        if (n == 0) {
            break;
        }
        f.pos += n;
        total += n;
        f.tail.append(buffer, n);
        if (f.tail.size() > kTailBytes) {
            f.tail.remove(0, f.tail.size() - kTailBytes);
        }
        deliver(f.splitter, buffer, n);
    }
    if (total > 0) {
        f.lastDataMs = nowMs();
    }
    return total;
}

bool FileFollowSource::rewritten(const Followed& f) const
{
    if (!f.regular || f.tail.isEmpty() || f.pos < f.tail.size()) {
        return false;
    }
    QByteArray now(f.tail.size(), '\0');
    const auto n =
        ::pread(f.fd, now.data(), static_cast<std::size_t>(now.size()), f.pos - f.tail.size());
    return n != now.size() || now != f.tail;
}

void FileFollowSource::poll()
{
    qsizetype budget = kMaxBytesPerTurn;
    if (m_previous) {
        const qsizetype n = readFrom(*m_previous, budget);
        budget -= std::max<qsizetype>(0, n);
        if (n <= 0 && nowMs() - m_previous->lastDataMs >= kOldFileQuietMs) {
            finish(*m_previous);
            m_previous.reset();
        }
    }
    if (m_waitingForFile) {
        QString error;
        m_current = openPath(false, error);
        m_waitingForFile = !m_current;
        if (!error.isEmpty()) {
            noteError(error);
        }
        if (m_waitingForFile) {
            return;
        }
    }
    Followed& f = *m_current;
    struct stat st
    {};
    const bool present = ::stat(QFile::encodeName(url().path).constData(), &st) == 0;
    const bool rotated = present && (st.st_dev != f.device || st.st_ino != f.inode);
    if (!rotated && f.regular) {
        struct stat open
        {};
        const bool shorter = ::fstat(f.fd, &open) == 0 && open.st_size < f.pos;
        if (shorter || rewritten(f)) {
            // Truncated (and maybe written again past where reading was):
            // what is there now is new, from its start.
            f.pos = 0;
            f.tail.clear();
            f.splitter = LineSplitter();
        }
    }
    const qsizetype n = readFrom(f, budget);
    if (rotated || !present) {
        // The old file may still be finished by its writer: it is read on
        // beside the new one until it has been quiet a while.
        if (m_previous) {
            finish(*m_previous);
        }
        m_previous = std::move(m_current);
        m_current.reset();
        QString error;
        m_current = openPath(false, error);
        m_waitingForFile = !m_current;
    }
    if (n >= budget) {
        QTimer::singleShot(0, this, &FileFollowSource::poll); // more is there: after other work
    }
}

} // namespace wake::live
