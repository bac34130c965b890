// Troubleshooting: explain a pasted error, or let the doctor examine the machine. A fix applied
// from an explanation hands over to the doctor, which confirms it on the real machine.
import { useState } from 'react';
import { ScreenHeader } from '../../ui/screen-header';
import { Tabs } from '../../ui/tabs';
import { DoctorPanel } from './doctor-panel';
import { ExplainPanel } from './explain-panel';

type Tab = 'explain' | 'doctor';
const tabs = [
  { key: 'explain', label: 'Explain an error' },
  { key: 'doctor', label: 'Run the doctor' },
] as const;

export function Troubleshoot({ params }: { params: Record<string, string> }) {
  const [tab, setTab] = useState<Tab>(params.run || params.host || params.module ? 'doctor' : 'explain');
  // bumped to make the doctor run (on arrival with ?run=1, and after a fix from an explanation)
  const [runToken, setRunToken] = useState(params.run === '1' ? 1 : 0);
  return (
    <>
      <ScreenHeader
        title="Troubleshoot"
        lead="Paste what go printed to get the root cause, or run the doctor to check every layer of the route on this machine."
      />
      <Tabs<Tab>
        id="ts"
        label="Troubleshooting mode"
        tabs={tabs}
        active={tab}
        onChange={setTab}
        panels={{
          explain: (
            <ExplainPanel
              onApplied={() => {
                setRunToken((n) => n + 1);
                setTab('doctor');
              }}
            />
          ),
          doctor: <DoctorPanel initialModule={params.module} initialHost={params.host} runToken={runToken} />,
        }}
      />
    </>
  );
}
