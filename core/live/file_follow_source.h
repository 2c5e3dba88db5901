#pragma once

// file:PATH: follows a growing log like tail -F. It starts at the end of a
// file that exists (what is there already is history: import it), reads
// what is appended, and when the file is rotated it reads the new one from
// its start:
// - renamed (or removed) and created again: the old file stays open and is
//   read on while its writer may still be finishing in it, until it has been
//   quiet for kOldFileQuietMs;
// - truncated in place, or copied and truncated (logrotate's copytruncate)
//   and already written past where reading was: told by the bytes just before
//   the read position no longer being the ones read there.
// A missing file is waited for. A FIFO is read without blocking (no writer
// yet is no data yet); a device (/dev/zero) is not a log and is refused.
// Each turn of the event loop reads at most kMaxBytesPerTurn, so a file that
// never ends cannot hold up the commits, Ctrl-C or --for.

#include "core/live/live_source.h"

#include <QByteArray>
#include <QTimer>

#include <cstdint>
#include <optional>
#include <sys/types.h>

namespace wake::live {

class FileFollowSource : public LiveSource
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxBytesPerTurn = 1 << 20;
    static constexpr std::int64_t kOldFileQuietMs = 5000;

    FileFollowSource(const QString& name, const SourceUrl& url, const SourceTiming& timing);
    ~FileFollowSource() override;

protected:
    void open() override;
    void close() override;
    bool reopensWhenStalled() const override { return false; }

private:
    struct Followed
    {
        int fd = -1;
        dev_t device = 0;
        ino_t inode = 0;
        bool regular = true;
        std::int64_t pos = 0;
        QByteArray tail; // the last bytes read, to tell a rewritten file
        LineSplitter splitter;
        std::int64_t lastDataMs = 0;
    };

    void poll();
    // Reads up to `budget` bytes; returns what it read, or -1 at an error.
    qsizetype readFrom(Followed& f, qsizetype budget);
    bool rewritten(const Followed& f) const;
    // Opens the path; an error text when it is there but cannot be followed.
    std::optional<Followed> openPath(bool fromEnd, QString& error);
    void finish(Followed& f);

    QTimer m_poll;
    std::optional<Followed> m_current;
    std::optional<Followed> m_previous; // the rotated file, read while it still grows
    bool m_waitingForFile = false;
};

} // namespace wake::live
