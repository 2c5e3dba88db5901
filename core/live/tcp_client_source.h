#pragma once

// tcp://HOST:PORT and gpsd://HOST[:PORT]: Wake connects and reads lines. For
// gpsd it first asks for the raw NMEA (?WATCH={"enable":true,"nmea":true});
// gpsd's own JSON reports are then skipped by the decoder as non-NMEA lines.

#include "core/live/live_source.h"

#include <QTcpSocket>

namespace wake::live {

class TcpClientSource : public LiveSource
{
    Q_OBJECT
public:
    TcpClientSource(const QString& name, const SourceUrl& url, const SourceTiming& timing);

protected:
    void open() override;
    void close() override;

private:
    void onReadyRead();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void drain();

    QTcpSocket m_socket;
    LineSplitter m_splitter;
};

} // namespace wake::live
