#pragma once

// serial:DEVICE?baud=N: a receiver on a serial port (8N1, no flow control,
// as AIS receivers and NMEA multiplexers use). A device that is missing or
// unplugged waits for the backoff and is opened again.

#include "core/live/live_source.h"

#include <QSerialPort>

namespace wake::live {

class SerialSource : public LiveSource
{
    Q_OBJECT
public:
    SerialSource(const QString& name, const SourceUrl& url, const SourceTiming& timing);

protected:
    void open() override;
    void close() override;
    bool reopensWhenStalled() const override { return false; }

private:
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);

    QSerialPort m_port;
    LineSplitter m_splitter;
};

} // namespace wake::live
