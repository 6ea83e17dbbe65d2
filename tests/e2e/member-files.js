// Realistic member files for the officer's journeys, built the way the app exports them.
const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One member's exported record: a profile and a completed Code of Conduct. */
export function memberFile(n, { revision = 1, name = `Cllr Member ${n}`, surveys = [] } = {}) {
  const at = '2026-11-20T10:00:00Z';
  const id = uuid(n);
  return {
    format: 'member-development-record',
    schema_version: 6,
    app_version: '0.1.0',
    exported_at: at,
    member_id: id,
    revision,
    device_id: uuid(90000 + n),
    record: {
      member_id: id,
      profile: {
        full_name: name,
        council: 'Sandwell Metropolitan Borough Council',
        ward: `Ward ${(n % 24) + 1}`,
        political_group: '',
        roles: ['backbench-member'],
        date_elected: '2021-05-06',
        updated_at: at,
      },
      set_up_at: at,
      learning: [
        {
          id: uuid(10000 + n),
          course_id: 'code-of-conduct',
          title: 'Code of Conduct',
          provider: 'Monitoring Officer',
          topic: 'Ethics and standards',
          format: 'face_to_face',
          status: 'completed',
          start_date: null,
          completed_on: '2026-10-01',
          minutes: 120,
          evidence: `CERT-${n}`,
          evaluation: null,
          updated_at: at,
          deleted_at: null,
        },
      ],
      surveys: surveys.map(([round, scale], i) => ({
        id: uuid(20000 + n * 10 + i),
        template_id: 'ethical-framework',
        template_version: 1,
        round,
        answers: { 'standards-committee-role': { type: 'scale', value: scale } },
        status: 'submitted',
        submitted_at: at,
        updated_at: at,
      })),
      plans: [],
      pack: null,
    },
  };
}

/** A file for Playwright's setInputFiles. */
export function asFile(name, value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}
