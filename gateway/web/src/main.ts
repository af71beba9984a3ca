import { render } from 'preact';
import { startOutbox } from './outbox';
import { CommunePage } from './pages/commune/CommunePage';
import { AccountsPage } from './pages/account/AccountsPage';
import { InvitePage } from './pages/account/InvitePage';
import { LoginPage } from './pages/account/LoginPage';
import { KeyPeoplePage } from './pages/commune/KeyPeoplePage';
import { ReportPrintPage } from './pages/commune/ReportPrintPage';
import { RewardsPage } from './pages/commune/RewardsPage';
import { LivePage } from './pages/live';
import { NationPage } from './pages/nation/NationPage';
import { ProvincePage } from './pages/province/ProvincePage';
import { ReportPage } from './pages/report/ReportPage';
import { UnitReportPage } from './pages/report/UnitReportPage';
import { html, NotFound } from './ui';
import { registerPages } from './update-prompt';

/** Page routes (the gateway serves index.html for each of them). */
function route(pathname: string) {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return html`<${NationPage} />`;
  const [level, id, sub] = parts;
  if (parts.length === 1 && level === 'login') return html`<${LoginPage} />`;
  if (parts.length === 1 && level === 'invite') return html`<${InvitePage} />`;
  if (parts.length === 1 && level === 'accounts') return html`<${AccountsPage} />`;
  if (level === 'province' && id && !sub && parts.length === 2) return html`<${ProvincePage} code=${id} />`;
  if (level === 'province' && id && sub === 'live' && parts.length === 3) return html`<${LivePage} code=${id} />`;
  if (level === 'commune' && id && parts.length === 2) return html`<${CommunePage} id=${id} />`;
  if (level === 'commune' && id && sub === 'key-people' && parts.length === 3)
    return html`<${KeyPeoplePage} id=${id} />`;
  if (level === 'commune' && id && sub === 'rewards' && parts.length === 3) return html`<${RewardsPage} id=${id} />`;
  if (level === 'commune' && id && sub === 'report' && parts.length === 4)
    return html`<${ReportPrintPage} id=${id} reportId=${parts[3]} />`;
  if (level === 'village' && id && sub === 'report' && parts.length === 3) return html`<${ReportPage} id=${id} />`;
  if (level === 'unit' && id && sub === 'report' && parts.length === 3) return html`<${UnitReportPage} id=${id} />`;
  return html`<${NotFound} what=${`trang "${pathname}"`} />`;
}

document.documentElement.lang = 'vi';
const app = document.getElementById('app')!;
app.innerHTML = '';
render(route(location.pathname), app);
startOutbox();
// Keeps the pages in the browser so that they open with no signal (sw/sw.ts); the reports wait in the outbox.
registerPages();
