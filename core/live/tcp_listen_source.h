#pragma once

// tcp-listen://[HOST]:PORT: senders connect to Wake. Each connection keeps
// its own partial line; a port that cannot be opened (in use, no right)
// waits for the backoff and tries again.

#include "core/live/live_source.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <map>

namespace wake::live {

class TcpListenSource : public LiveSource
{
    Q_OBJECT
public:
    TcpListenSource(const QString& name, const SourceUrl& url, const SourceTiming& timing);
    ~TcpListenSource() override;
    // The port listened on (useful when the URL asked for any free one).
    std::uint16_t listeningPort() const { return m_server.serverPort(); }

protected:
    void open() override;
    void close() override;
    bool reopensWhenStalled() const override { return false; }

private:
    void onNewConnection();
    void read(QTcpSocket* socket);
    void closeConnection(QTcpSocket* socket);

    QTcpServer m_server;
    std::map<QTcpSocket*, LineSplitter> m_connections;
};

} // namespace wake::live
