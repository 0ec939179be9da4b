import { FlowAnalyticsDto, SummaryFiguresDto, TeamAnalyticsDto } from '../dto/analytics-response.dto';
import { csvCell, csvLine, toCsv } from './analytics-csv';
import { flowCsv, slug, teamCsv } from './analytics-export';

describe('csvCell (RFC 4180 + formula neutralising)', () => {
  it('writes plain text and numbers as they are, null as an empty field', () => {
    expect(csvCell('Printer')).toBe('Printer');
    expect(csvCell(0.625)).toBe('0.625');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes fields with commas, quotes, CR or LF and doubles the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    // Numbers are data, not formulas: a negative number stays a number.
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('joins a line with commas', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"');
  });
});

describe('toCsv', () => {
  it('writes tables as title, header and rows, separated by an empty line, with CRLF', () => {
    const csv = toCsv([
      {
        title: 'one',
        columns: ['a', 'b'],
        rows: [
          [1, 'x'],
          [2, null],
        ],
      },
      { title: 'two', columns: ['c'], rows: [] },
    ]);
    expect(csv).toBe('one\r\na,b\r\n1,x\r\n2,\r\n\r\ntwo\r\nc\r\n');
  });
});

const figures = (over: Partial<SummaryFiguresDto> = {}): SummaryFiguresDto => ({
  total_sessions: 8,
  completed_sessions: 5,
  completion_rate: 0.625,
  avg_duration_minutes: 21.2,
  median_duration_minutes: 20,
  outcome_breakdown: { resolved: 2, escalated: 1, workaround: 1, unresolved: 1 },
  rating_count: 4,
  avg_csat: 3,
  csat_score: 0.5,
  response_rate: 0.8,
  ...over,
});

const window = {
  period: 'custom' as const,
  tz: 'America/New_York',
  from: '2026-10-26',
  to: '2026-11-24',
  start: '2026-10-26T04:00:00.000Z',
  end: '2026-11-25T05:00:00.000Z',
  previous_from: '2026-09-26',
  previous_to: '2026-10-25',
};

describe('analytics exports', () => {
  it('team: file name from the window; window, summary (current and previous), time series and both tables', () => {
    const report: TeamAnalyticsDto = {
      account_id: 'a',
      engineer_id: null,
      window,
      summary: { ...figures(), previous: figures({ total_sessions: 2, avg_csat: null, csat_score: null }) },
      time_series: [
        {
          date: '2026-10-26',
          sessions: 1,
          completed: 1,
          resolved: 1,
          escalated: 0,
          workaround: 0,
          unresolved: 0,
          rating_count: 0,
          avg_csat: null,
        },
      ],
      top_flows: [
        {
          tree_id: 't1',
          name: '=cmd|calc',
          sessions: 6,
          completed_sessions: 3,
          completion_rate: 0.5,
          avg_duration_minutes: 20,
          rating_count: 4,
          avg_csat: 3,
        },
      ],
      top_engineers: [
        {
          user_id: 'u1',
          name: 'Doe, Jane',
          sessions: 4,
          completed_sessions: 3,
          completion_rate: 0.75,
          avg_duration_minutes: 23.3,
          rating_count: 2,
          avg_csat: 3.5,
        },
      ],
    };
    const { filename, body } = teamCsv(report);
    expect(filename).toBe('team-analytics-2026-10-26_2026-11-24.csv');
    const blocks = body.split('\r\n\r\n');
    expect(blocks.map((block) => block.split('\r\n')[0])).toEqual([
      'window',
      'summary',
      'time_series',
      'top_flows',
      'top_engineers',
    ]);
    expect(blocks[0]).toBe(
      'window\r\nfrom,to,tz,period,previous_from,previous_to\r\n2026-10-26,2026-11-24,America/New_York,custom,2026-09-26,2026-10-25',
    );
    expect(blocks[1]).toContain('\r\nmetric,current,previous\r\ntotal_sessions,8,2\r\n');
    expect(blocks[1]).toContain('\r\navg_csat,3,\r\n');
    expect(blocks[1]).toContain('\r\ncsat_score,0.5,\r\n');
    expect(blocks[2]).toBe(
      'time_series\r\ndate,sessions,completed,resolved,escalated,workaround,unresolved,rating_count,avg_csat\r\n2026-10-26,1,1,1,0,0,0,0,',
    );
    expect(blocks[3]).toContain("\r\nt1,'=cmd|calc,6,3,0.5,20,4,3");
    expect(blocks[4]).toContain('\r\nu1,"Doe, Jane",4,3,0.75,23.3,2,3.5\r\n');
    expect(body.endsWith('\r\n')).toBe(true);
  });

  it('flow: names the file after the flow and writes every flow table, comments escaped', () => {
    const report: FlowAnalyticsDto = {
      tree_id: 't1',
      name: 'Printer: not printing!',
      version: 3,
      window,
      summary: { ...figures(), previous: figures() },
      avg_csat: 3,
      total_ratings: 4,
      time_series: [],
      csat_distribution: { '1': 1, '2': 1, '3': 0, '4': 1, '5': 1 },
      step_feedback: [
        { node_id: 'n1', node_title: 'Restart', step_id: null, helpful_yes: 1, helpful_no: 1, helpful_rate: 0.5 },
      ],
      drop_off: [{ node_id: 'n1', node_title: 'Restart', node_type: 'step', sessions: 2 }],
      outcomes_by_node: [
        {
          node_id: 'n2',
          node_title: 'Fixed',
          node_type: 'solution',
          sessions: 2,
          resolved: 2,
          escalated: 0,
          workaround: 0,
          unresolved: 0,
        },
      ],
      node_times: [
        { node_id: 'n1', node_title: 'Restart', type: 'step', visits: 3, median_seconds: 42, p90_seconds: 97.5 },
      ],
      recent_comments: [
        {
          session_id: '5e55f1c0-0000-4000-8000-000000000001',
          rating: 2,
          comment: '=HYPERLINK("x")\nsecond line',
          user_name: null,
          created_at: '2026-11-01T10:00:00.000Z',
        },
      ],
    };
    const { filename, body } = flowCsv(report);
    expect(filename).toBe('flow-analytics-printer-not-printing-2026-10-26_2026-11-24.csv');
    const titles = body.split('\r\n\r\n').map((block) => block.split('\r\n')[0]);
    expect(titles).toEqual([
      'flow',
      'window',
      'summary',
      'time_series',
      'csat_distribution',
      'step_feedback',
      'drop_off',
      'outcomes_by_node',
      'node_times',
      'recent_comments',
    ]);
    expect(body).toContain('flow\r\ntree_id,name,version\r\nt1,Printer: not printing!,3\r\n');
    expect(body).toContain(
      'node_times\r\nnode_id,node_title,type,visits,median_seconds,p90_seconds\r\nn1,Restart,step,3,42,97.5\r\n',
    );
    expect(body).toContain('csat_distribution\r\nrating,count\r\n1,1\r\n2,1\r\n3,0\r\n4,1\r\n5,1');
    expect(body).toContain(
      'recent_comments\r\ncreated_at,rating,comment,user_name\r\n2026-11-01T10:00:00.000Z,2,"\'=HYPERLINK(""x"")\nsecond line",\r\n',
    );
  });

  it('slug keeps file names ASCII and short', () => {
    expect(slug('Printer: not printing!')).toBe('printer-not-printing');
    expect(slug('Café réseau')).toBe('cafe-reseau');
    expect(slug('日本語')).toBe('flow');
    expect(slug('x'.repeat(80))).toHaveLength(40);
  });
});
