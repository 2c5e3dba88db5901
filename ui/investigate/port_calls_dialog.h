#pragma once

// The calls at one port, listed when the port is clicked on the map: every
// vessel's observed, reported and possible calls there (investigate/port_calls.h).

#include "core/investigate/port_calls.h"

#include <QDialog>

#include <map>
#include <vector>

namespace wake::ui {

class PortCallsDialog : public QDialog
{
    Q_OBJECT
public:
    PortCallsDialog(const QString& port, const std::vector<investigate::PortCall>& calls,
                    const std::map<model::VesselId, QString>& names, QWidget* parent);
    int rows() const { return m_rows; }

Q_SIGNALS:
    void vesselChosen(qint64 vesselId);

private:
    int m_rows = 0;
};

// The calls at a port: by UN/LOCODE where it has one, else by name.
std::vector<investigate::PortCall> callsAt(const std::vector<investigate::PortCall>& all,
                                           const QString& name, const QString& locode);

} // namespace wake::ui
