#include "ui/investigate/port_calls_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wake::ui {

std::vector<investigate::PortCall> callsAt(const std::vector<investigate::PortCall>& all,
                                           const QString& name, const QString& locode)
{
    std::vector<investigate::PortCall> out;
    for (const auto& c : all) {
        const bool same = !locode.isEmpty() && !c.locode.isEmpty()
                              ? c.locode.compare(locode, Qt::CaseInsensitive) == 0
                              : c.port.compare(name, Qt::CaseInsensitive) == 0 ||
                                    c.port.startsWith(name + QLatin1Char(' '), Qt::CaseInsensitive);
        if (same) {
            out.push_back(c);
        }
    }
    return out;
}

PortCallsDialog::PortCallsDialog(const QString& port,
                                 const std::vector<investigate::PortCall>& calls,
                                 const std::map<model::VesselId, QString>& names, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Calls at %1").arg(port));
    auto* layout = new QVBoxLayout(this);
    auto* table = new QTableWidget(static_cast<int>(calls.size()), 5, this);
    table->setObjectName(QStringLiteral("portCallsTable"));
    table->setAccessibleName(tr("Calls at %1").arg(port));
    table->setHorizontalHeaderLabels(
        {tr("Vessel"), tr("Arrival"), tr("Departure"), tr("Duration"), tr("Known from")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    int row = 0;
    for (const auto& c : calls) {
        const auto name = names.find(c.vesselId);
        auto* vessel = new QTableWidgetItem(
            name != names.end() ? name->second : QStringLiteral("#%1").arg(c.vesselId));
        vessel->setData(Qt::UserRole, QVariant::fromValue<qint64>(c.vesselId));
        const bool possible = c.basis == investigate::CallBasis::Possible;
        const auto duration = c.durationMs();
        table->setItem(row, 0, vessel);
        table->setItem(row, 1,
                       new QTableWidgetItem(possible    ? tr("during an AIS gap")
                                            : c.arrival ? model::formatTimeSpan(*c.arrival)
                                                        : tr("not reported")));
        table->setItem(row, 2,
                       new QTableWidgetItem(c.departure ? model::formatTimeSpan(*c.departure)
                                                        : tr("not reported")));
        table->setItem(row, 3,
                       new QTableWidgetItem(
                           duration ? tr("%1 h%2")
                                          .arg(static_cast<double>(*duration) / 3.6e6, 0, 'f', 1)
                                          .arg(c.durationIsByDate() ? tr(" (by date)") : QString())
                                    : QStringLiteral("-")));
        table->setItem(row, 4,
                       new QTableWidgetItem(possible
                                                ? tr("possible (+%1 nm)").arg(c.detourNm, 0, 'f', 1)
                                                : investigate::toString(c.basis)));
        ++row;
    }
    m_rows = row;
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    connect(table, &QTableWidget::cellActivated, this, [this, table](int r, int) {
        Q_EMIT vesselChosen(table->item(r, 0)->data(Qt::UserRole).toLongLong());
    });
    layout->addWidget(new QLabel(calls.empty() ? tr("No call at %1 is known: no port visit found "
                                                    "in AIS, and no source reports one.")
                                                     .arg(port)
                                               : tr("%n call(s) at %1. Observed calls are port "
                                                    "visits found in AIS; reported ones come from "
                                                    "sources; possible ones are ports an AIS gap "
                                                    "left within reach.",
                                                    nullptr, static_cast<int>(calls.size()))
                                                     .arg(port)));
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 420);
}

} // namespace wake::ui
