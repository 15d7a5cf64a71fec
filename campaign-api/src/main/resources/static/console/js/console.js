/*
 * The operator console: Alpine.js components over the public HTTP API (see api.js). Each page is a
 * component created when its route is shown; the live stream (/api/v1/stream) is turned into window
 * events (campaign-row, campaign-analytics) that the pages listen to. The engine enforces every role and
 * office; the console only leaves out what the signed-in user may not do.
 */

const fmt = {
  date(value) {
    if (!value) return '';
    const d = new Date(value);
    return isNaN(d) ? String(value) : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  },
  pct(value) {
    return value == null ? '–' : (value * 100).toFixed(1) + ' %';
  },
  money(micros) {
    return micros == null ? '–' : (micros / 1e6).toLocaleString([], { style: 'currency', currency: 'USD' });
  },
  seconds(value) {
    return value == null ? '–' : Math.round(value) + ' s';
  }
};
window.fmt = fmt;

/** Actions a person takes from the console; suspend and error are for services, create and tag have their own forms. */
const BUTTON_ACTIONS = ['launch', 'schedule', 'unschedule', 'pause', 'resume', 'stop', 'restart', 'complete',
  'archive', 'clone', 'delete'];

document.addEventListener('alpine:init', () => {
  Alpine.store('app', {
    user: null,
    written: null,
    has(...roles) {
      return !!this.user && this.user.roles.some(r => roles.includes(r));
    },
    canManage() {
      return this.has('ADMIN', 'MANAGER');
    }
  });
});

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const page = parts[0] || 'campaigns';
  return { page, id: parts[1] || null, view: parts[2] || null };
}

function consoleApp() {
  return {
    user: null,
    route: parseRoute(),
    live: false,
    source: null,
    async start() {
      const user = await Api.session();
      if (!user) {
        location.assign('/console/login.html?next=' + encodeURIComponent(location.pathname + location.hash));
        return;
      }
      this.user = user;
      Alpine.store('app').user = user;
      window.addEventListener('hashchange', () => {
        const next = parseRoute();
        if (next.page === this.route.page && next.id !== this.route.id) {
          // another campaign: its page is made anew
          this.route = { page: '', id: null, view: null };
          this.$nextTick(() => { this.route = next; });
        } else {
          this.route = next;
        }
        document.getElementById('main').focus();
      });
      this.connect();
    },
    can(...roles) {
      return Alpine.store('app').has(...roles);
    },
    connect() {
      const source = new EventSource('/api/v1/stream', { withCredentials: true });
      this.source = source;
      window.consoleStream = source;
      source.addEventListener('ready', () => { this.live = true; });
      source.addEventListener('campaign', e => {
        window.dispatchEvent(new CustomEvent('campaign-row', { detail: JSON.parse(e.data) }));
      });
      source.addEventListener('analytics', e => {
        window.dispatchEvent(new CustomEvent('campaign-analytics', { detail: JSON.parse(e.data) }));
      });
      source.onerror = () => {
        this.live = false;
        if (source.readyState === EventSource.CLOSED) {
          // the engine dropped a slow client or went away: reconnect, and pages reload what they show
          setTimeout(() => { this.connect(); window.dispatchEvent(new CustomEvent('stream-reconnected')); }, 2000);
        }
      };
    },
    async signOut() {
      if (this.source) this.source.close();
      await Api.signOut();
      location.assign('/console/login.html');
    }
  };
}

function campaignsPage() {
  return {
    tabNames: ['active', 'scheduled', 'draft', 'paused', 'archived', 'all'],
    statuses: ['DRAFT', 'REJECTED', 'SCHEDULED', 'LAUNCHING', 'ACTIVE', 'PAUSED', 'SUSPENDED', 'STOPPED',
      'COMPLETED', 'ERRORED', 'ARCHIVED'],
    columns: [
      { field: 'name', label: 'Name' }, { field: 'channel', label: 'Channel' }, { field: 'status', label: 'Status' },
      { field: 'office', label: 'Office' }, { field: 'tags', label: 'Tags' }, { field: 'recipients', label: 'Sent' },
      { field: 'launchAt', label: 'Launch' }, { field: 'updatedAt', label: 'Updated' },
      { field: 'autoArchiveAt', label: 'Auto-archive in' }
    ],
    tab: 'all', counts: {}, rows: [], total: 0, page: 0, size: 25, loading: false, error: '',
    q: '', channel: '', office: '', tag: '', status: '', sortField: 'updatedAt', sortDir: 'desc',
    selected: [], bulkResults: [], creating: false, draft: { name: '', channel: 'SMS', office: '' }, createError: '',
    refreshTimer: null,
    init() {
      const saved = new URLSearchParams(location.hash.split('?')[1] || '');
      if (saved.get('tab')) this.tab = saved.get('tab');
      this.load(0);
      window.addEventListener('stream-reconnected', () => this.refresh());
    },
    label(t) {
      return t.charAt(0).toUpperCase() + t.slice(1);
    },
    setTab(t) {
      this.tab = t;
      this.selected = [];
      this.load(0);
    },
    sortBy(field) {
      if (this.sortField === field) {
        this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
      } else {
        this.sortField = field;
        this.sortDir = 'asc';
      }
      this.load(0);
    },
    async load(page) {
      this.loading = true;
      this.page = page;
      const params = {
        tab: this.tab, q: this.q, channel: this.channel, office: this.office, tag: this.tag, status: this.status,
        sort: this.sortField + ',' + this.sortDir, page, size: this.size
      };
      const [list, tabs] = await Promise.all([
        Api.get('/api/v1/campaigns' + Api.query(params)), Api.get('/api/v1/campaigns/tabs')]);
      this.loading = false;
      if (list.ok) {
        this.rows = list.body.items;
        this.total = list.body.total;
        this.error = '';
      } else {
        this.error = list.message;
      }
      if (tabs.ok) this.counts = tabs.body;
    },
    /**
     * A row changed: shown in place at once, and the page and counts reload since it may have changed tab;
     * at most twice a second however busy the stream is.
     */
    onRow(row) {
      const i = this.rows.findIndex(r => r.id === row.id);
      if (i >= 0) this.rows[i] = row;
      this.refresh();
    },
    refresh() {
      if (this.refreshTimer) return;
      this.refreshTimer = setTimeout(() => { this.refreshTimer = null; this.load(this.page); }, 500);
    },
    selectAll(on) {
      this.selected = on ? this.rows.map(r => r.id) : [];
    },
    async bulk(action) {
      const chosen = this.rows.filter(r => this.selected.includes(r.id));
      const results = [];
      for (const row of chosen) {
        const result = await Api.post('/api/v1/campaigns/' + row.id + '/' + action);
        results.push({ id: row.id, name: row.name, action, ok: result.ok, message: result.message });
      }
      this.bulkResults = results;
      this.selected = [];
      this.load(this.page);
    },
    async create() {
      const body = { name: this.draft.name, channel: this.draft.channel };
      if (this.draft.office) body.office = this.draft.office;
      const result = await Api.post('/api/v1/campaigns', body);
      if (result.ok) {
        this.creating = false;
        this.createError = '';
        Alpine.store('app').written = { id: result.body.id, version: result.body.version };
        location.hash = '#/campaign/' + result.body.id;
      } else {
        this.createError = result.message;
      }
    }
  };
}

/** How each setting is shown and edited: text fields as they are, the rest as JSON. */
const SETTING_FIELDS = [
  { name: 'name', label: 'Name', kind: 'string' },
  { name: 'office', label: 'Office', kind: 'string' },
  { name: 'tags', label: 'Tags', kind: 'list' },
  { name: 'contactList', label: 'Contact list', kind: 'json' },
  { name: 'initialMessage', label: 'Initial message (SMS)', kind: 'text' },
  { name: 'script', label: 'Script (voice)', kind: 'text' },
  { name: 'startAt', label: 'Starts', kind: 'string' },
  { name: 'endAt', label: 'Ends', kind: 'string' },
  { name: 'timeZone', label: 'Time zone', kind: 'string' },
  { name: 'openHours', label: 'Open hours', kind: 'json' },
  { name: 'areaCodes', label: 'Area codes', kind: 'list' },
  { name: 'phoneNumberMode', label: 'Phone number mode', kind: 'string' },
  { name: 'reusableNumber', label: 'Reusable number', kind: 'string' },
  { name: 'operatedBy', label: 'Operated by', kind: 'string' },
  { name: 'type', label: 'Type', kind: 'string' },
  { name: 'senderId', label: 'Sender id', kind: 'string' },
  { name: 'variants', label: 'Variants', kind: 'json' },
  { name: 'useCaseId', label: '10DLC use case', kind: 'string' }
];

function campaignPage(id) {
  return {
    id, c: null, view: 'overview', loadError: '', problem: '', done: '',
    settingFields: SETTING_FIELDS, editing: null, editValue: '',
    analytics: null, granularity: 'auto', seriesGranularity: '',
    contacts: { items: [], page: 0, size: 25, total: 0 }, contactFilter: '',
    conversations: { items: [], page: 0, size: 25, total: 0 }, section: 'needs-attention', conversationTag: '',
    history: [], past: null, asOf: null,
    init() {
      const view = parseRoute().view;
      // a campaign this page just created or cloned: read it at least at that version (read-your-writes)
      const written = Alpine.store('app').written;
      const minVersion = written && written.id === this.id ? written.version : undefined;
      this.load(minVersion).then(() => { if (view) this.show(view); });
      window.addEventListener('stream-reconnected', () => this.load());
    },
    views() {
      const views = ['overview', 'analytics'];
      if (Alpine.store('app').has('ADMIN', 'MANAGER', 'SERVICE', 'AUDITOR')) views.push('contacts', 'conversations');
      if (Alpine.store('app').has('ADMIN', 'AUDITOR')) views.push('history');
      return views;
    },
    async load(minVersion) {
      const result = await Api.get('/api/v1/campaigns/' + this.id + Api.query({ minVersion }));
      if (result.ok) {
        this.c = result.body;
        this.loadError = '';
      } else {
        this.loadError = result.message;
      }
    },
    show(view) {
      this.view = view;
      history.replaceState(null, '', '#/campaign/' + this.id + '/' + view);
      if (view === 'analytics') this.loadAnalytics();
      if (view === 'contacts') this.loadContacts(0);
      if (view === 'conversations') this.loadConversations(0);
      if (view === 'history') this.loadHistory();
    },
    /** The buttons: the actions the transition table allows now, for someone who may manage campaigns. */
    buttons() {
      if (!this.c || !Alpine.store('app').canManage()) return [];
      return BUTTON_ACTIONS.filter(a => this.c.allowedActions.includes(a));
    },
    async act(action) {
      this.problem = '';
      this.done = '';
      let result;
      if (action === 'delete') {
        if (!confirm('Delete this draft for good?')) return;
        result = await Api.del('/api/v1/campaigns/' + this.id);
        if (result.ok) { location.hash = '#/campaigns'; return; }
      } else if (action === 'schedule') {
        const at = prompt('Launch at (ISO-8601 instant, e.g. 2030-01-01T09:00:00Z)');
        if (!at) return;
        result = await Api.post('/api/v1/campaigns/' + this.id + '/schedule', { launchAt: at });
      } else if (action === 'clone') {
        result = await Api.post('/api/v1/campaigns/' + this.id + '/clone', {});
        if (result.ok) {
          Alpine.store('app').written = { id: result.body.id, version: result.body.version };
          location.hash = '#/campaign/' + result.body.id;
          return;
        }
      } else {
        result = await Api.post('/api/v1/campaigns/' + this.id + '/' + action);
      }
      if (result.ok) {
        this.done = action + ': ' + result.body.status;
        await this.load(result.body.version);
      } else {
        this.problem = result.message;
        if (result.body && result.body.currentStatus && result.body.allowedActions) {
          // a refusal says where the campaign is now: the buttons follow it at once
          this.c = { ...this.c, status: result.body.currentStatus, displayStatus: result.body.currentStatus,
            allowedActions: result.body.allowedActions };
        } else {
          await this.load();
        }
      }
    },
    editable(field) {
      if (!this.c || !Alpine.store('app').canManage()) return false;
      if (this.c.editableFields) return this.c.editableFields.includes(field);
      return this.c.allowedActions.includes('update') || (field === 'tags' && this.c.allowedActions.includes('tag'));
    },
    show_(f) {
      const v = this.c.settings ? this.c.settings[f.name] : null;
      if (v == null || (Array.isArray(v) && !v.length)) return '–';
      if (f.kind === 'list') return v.join(', ');
      if (f.kind === 'json') return JSON.stringify(v);
      return String(v);
    },
    edit(f) {
      const v = this.c.settings ? this.c.settings[f.name] : null;
      this.editing = f.name;
      this.editValue = v == null ? '' : f.kind === 'list' ? v.join(', ') : f.kind === 'json' ? JSON.stringify(v) : String(v);
    },
    async save(f) {
      let value = this.editValue.trim();
      try {
        if (value === '') value = null;
        else if (f.kind === 'list') value = value.split(',').map(s => s.trim()).filter(Boolean);
        else if (f.kind === 'json') value = JSON.parse(value);
      } catch (e) {
        this.problem = f.label + ': not valid JSON';
        return;
      }
      const result = await Api.patch('/api/v1/campaigns/' + this.id, { [f.name]: value });
      if (result.ok) {
        this.editing = null;
        this.problem = '';
        this.done = f.label + ' saved';
        await this.load(result.body.version);
      } else {
        this.problem = result.message;
      }
    },
    onRow(row) {
      if (row.id === this.id && this.c && row.version !== this.c.version) this.load(row.version);
    },
    onAnalytics(update) {
      if (update.campaignId === this.id && this.view === 'analytics') {
        this.analytics = update.analytics;
        this.drawFigures();
        this.loadSeries();
      }
    },
    async loadAnalytics() {
      const result = await Api.get('/api/v1/campaigns/' + this.id + '/analytics');
      if (!result.ok) { this.problem = result.message; return; }
      this.analytics = result.body;
      this.$nextTick(() => { this.drawFigures(); this.loadSeries(); });
    },
    async loadSeries() {
      const result = await Api.get('/api/v1/campaigns/' + this.id + '/analytics/activity' + Api.query({ granularity: this.granularity }));
      if (!result.ok) { this.problem = result.message; return; }
      const buckets = result.body.buckets;
      this.seriesGranularity = result.body.granularity.toLowerCase();
      this.chart('chart-activity', 'line', buckets.map(b => fmt.date(b.start)), [
        { label: 'outbound', data: buckets.map(b => b.outbound) },
        { label: 'inbound', data: buckets.map(b => b.inbound) }]);
    },
    drawFigures() {
      const a = this.analytics;
      this.chart('chart-send', 'doughnut', ['succeeded', 'failed', 'pending'],
        [{ label: 'messages', data: [a.sendStatus.succeeded, a.sendStatus.failed, a.sendStatus.pending] }]);
      this.chart('chart-engagement', 'bar', ['messaged', 'responded', 'opted out', 'contact', 'agent', 'bot'],
        [{ label: 'contacts and responses', data: [a.engagement.messaged, a.engagement.responded, a.engagement.optedOut,
          a.responses.contact, a.responses.agent, a.responses.bot] }]);
      if (a.voice) {
        this.chart('chart-voice', 'bar', ['dials', 'remaining', 'callers logged in'],
          [{ label: 'voice', data: [a.voice.dials, a.voice.remaining, a.voice.callersLoggedIn] }]);
      }
    },
    /** Draws or updates one chart; Chart.js keeps it on its canvas (Chart.getChart finds it again). */
    chart(canvasId, type, labels, datasets) {
      const canvas = document.getElementById(canvasId);
      if (!canvas) return;
      const existing = Chart.getChart(canvas);
      if (existing) {
        existing.data.labels = labels;
        existing.data.datasets = datasets;
        existing.update();
        return;
      }
      new Chart(canvas, {
        type, data: { labels, datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false }
      });
    },
    async loadContacts(page) {
      const result = await Api.get('/api/v1/campaigns/' + this.id + '/contacts'
        + Api.query({ delivery: this.contactFilter, page, size: 25 }));
      if (result.ok) this.contacts = result.body; else this.problem = result.message;
    },
    async loadConversations(page) {
      const result = await Api.get('/api/v1/campaigns/' + this.id + '/conversations'
        + Api.query({ section: this.section, tag: this.conversationTag, page, size: 25 }));
      if (result.ok) this.conversations = result.body; else this.problem = result.message;
    },
    async loadHistory() {
      const result = await Api.get('/api/v1/campaigns/' + this.id + '/history' + Api.query({ size: 500 }));
      if (result.ok) this.history = Array.isArray(result.body) ? result.body : result.body.items;
      else this.problem = result.message;
    },
    async stateAt(sequence) {
      const result = await Api.get('/api/v1/campaigns/' + this.id + '/state' + Api.query({ version: sequence }));
      if (result.ok) { this.past = result.body; this.asOf = sequence; } else this.problem = result.message;
    }
  };
}

function calendarPage() {
  const today = new Date();
  const iso = d => d.toISOString().slice(0, 10);
  return {
    from: iso(today), to: iso(new Date(today.getTime() + 30 * 86400000)),
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', days: [], error: '',
    async load() {
      const result = await Api.get('/api/v1/campaigns/calendar' + Api.query({ from: this.from, to: this.to, zone: this.zone }));
      if (result.ok) { this.days = result.body; this.error = ''; } else this.error = result.message;
    }
  };
}

function auditPage() {
  return {
    result: null, verifying: false, head: null, error: '', items: [], page: 0, more: false,
    actor: '', type: '', from: '', to: '',
    async load(page = 0) {
      const instant = v => v ? new Date(v).toISOString() : '';
      const [trail, head] = await Promise.all([
        Api.get('/api/v1/audit/events' + Api.query({ actor: this.actor, type: this.type, from: instant(this.from),
          to: instant(this.to), page, size: 50 })),
        Api.get('/api/v1/audit/head')]);
      if (trail.ok) { this.items = trail.body.items; this.more = trail.body.more; this.page = page; this.error = ''; }
      else this.error = trail.message;
      if (head.ok) this.head = head.body;
    },
    async verify() {
      this.verifying = true;
      const result = await Api.get('/api/v1/audit/verify');
      this.verifying = false;
      if (result.ok || result.status === 409) { this.result = result.body; this.error = ''; }
      else this.error = result.message;
    },
    copyHead() {
      if (navigator.clipboard) navigator.clipboard.writeText(JSON.stringify(this.head));
    }
  };
}

function enginePage() {
  return {
    processors: [], deadLetters: [], progress: {}, replayable: [], error: '', done: '', timer: null,
    async load() {
      const [processors, letters, projections] = await Promise.all([
        Api.get('/api/v1/admin/processors'), Api.get('/api/v1/admin/dead-letters'), Api.get('/api/v1/admin/projections')]);
      if (projections.ok) this.replayable = projections.body.map(p => p.name);
      if (processors.ok) {
        this.processors = Array.isArray(processors.body) ? processors.body : processors.body.items;
        const progress = {};
        for (const p of this.processors) {
          if (p.replay) progress[p.name] = Math.round(p.replay.fraction * 100);
        }
        this.progress = progress;
      } else this.error = processors.message;
      if (letters.ok) this.deadLetters = Array.isArray(letters.body) ? letters.body : letters.body.items;
      else this.error = letters.message;
      clearTimeout(this.timer);
      if (document.getElementById('processors')) this.timer = setTimeout(() => this.load(), 2000);
    },
    async replay(name) {
      if (!confirm('Rebuild ' + name + ' from the events? It serves what it has rebuilt so far meanwhile.')) return;
      const result = await Api.post('/api/v1/admin/projections/' + name + '/replay');
      this.done = result.ok ? 'Replay of ' + name + ' started' : '';
      this.error = result.ok ? '' : result.message;
      this.load();
    },
    async retry(d) {
      const result = await Api.post('/api/v1/admin/dead-letters/' + d.processor + '/' + d.sequenceId + '/retry');
      this.done = result.ok ? 'Retried ' + d.processor + ' ' + (d.campaignId || d.sequenceId) : '';
      this.error = result.ok ? '' : result.message;
      this.load();
    },
    async evict(d) {
      if (!confirm('Drop these events from ' + d.processor + '? A replay brings them back.')) return;
      const result = await Api.del('/api/v1/admin/dead-letters/' + d.processor + '/' + d.sequenceId);
      this.done = result.ok ? 'Evicted' : '';
      this.error = result.ok ? '' : result.message;
      this.load();
    }
  };
}

function usersPage() {
  return {
    users: [], error: '', roles: ['ADMIN', 'MANAGER', 'SERVICE', 'AUDITOR', 'VIEWER', 'METRICS'],
    draft: { username: '', password: '', roles: [], offices: '' },
    async load() {
      const result = await Api.get('/api/v1/users');
      if (result.ok) this.users = Array.isArray(result.body) ? result.body : result.body.items;
      else this.error = result.message;
    },
    async create() {
      const offices = this.draft.offices.split(',').map(s => s.trim()).filter(Boolean);
      const result = await Api.post('/api/v1/users', { username: this.draft.username, password: this.draft.password,
        roles: this.draft.roles, offices });
      this.draft.password = '';
      if (result.ok) { this.draft = { username: '', password: '', roles: [], offices: '' }; this.error = ''; this.load(); }
      else this.error = result.message;
    },
    async disable(u) {
      if (!confirm('Disable ' + u.username + '?')) return;
      const result = await Api.del('/api/v1/users/' + encodeURIComponent(u.username));
      this.error = result.ok ? '' : result.message;
      this.load();
    }
  };
}
