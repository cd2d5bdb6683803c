import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let officer: string;
let otherOfficer: string;
let admin: string;
let citizen: string;

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.login('lh.nb@nghedan.demo');
  otherOfficer = await server.login('lh.ktht@nghedan.demo');
  admin = await server.login('admin@nghedan.demo');
  citizen = await server.login('dan@nghedan.demo');
});

interface Template {
  id: string;
  title: string;
  body: string;
  global: boolean;
  viewerCanEdit: boolean;
}
const FIELDS = 'id title body global viewerCanEdit';
const create = (token: string, title: string, body: string) =>
  server.gql<{ createReplyTemplate: Template }>(
    `mutation ($input: CreateReplyTemplateInput!) { createReplyTemplate(input: $input) { ${FIELDS} } }`,
    { token, variables: { input: { title, body } } },
  );
const update = (token: string, id: string, title: string, body: string) =>
  server.gql<{ updateReplyTemplate: Template }>(
    `mutation ($input: UpdateReplyTemplateInput!) { updateReplyTemplate(input: $input) { ${FIELDS} } }`,
    { token, variables: { input: { id, title, body } } },
  );
const remove = (token: string, id: string) =>
  server.gql<{ deleteReplyTemplate: string }>('mutation ($id: ID!) { deleteReplyTemplate(id: $id) }', {
    token,
    variables: { id },
  });
const list = async (token: string) => {
  const result = await server.gql<{ replyTemplates: Template[] }>(`{ replyTemplates { ${FIELDS} } }`, { token });
  expect(result.errors).toBeUndefined();
  return result.data!.replyTemplates;
};
const code = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

describe('reply templates', () => {
  it("keeps a unit's templates for its officers and global ones for everyone, the unit's first", async () => {
    const own = await create(officer, '  Đã tiếp nhận  ', 'Đơn vị đã tiếp nhận ý kiến và sẽ trả lời trong thời hạn.');
    expect(own.errors).toBeUndefined();
    expect(own.data!.createReplyTemplate).toMatchObject({ title: 'Đã tiếp nhận', global: false, viewerCanEdit: true });
    const global = await create(admin, 'Cảm ơn', 'Cảm ơn ông/bà đã gửi ý kiến.');
    expect(global.data!.createReplyTemplate).toMatchObject({ global: true, viewerCanEdit: true });

    const seen = await list(officer);
    expect(seen.map((template) => [template.title, template.viewerCanEdit])).toEqual([
      ['Đã tiếp nhận', true],
      ['Cảm ơn', false],
    ]);
    // Another unit's officers see the global one, not Nam Ban's.
    expect((await list(otherOfficer)).map((template) => template.title)).toEqual(['Cảm ơn']);
    expect((await list(admin)).map((template) => template.title)).toEqual(['Cảm ơn']);
  });

  it('lets only the keeper change or delete a template, with typed errors', async () => {
    const own = (await create(officer, 'Hẹn khảo sát', 'Cán bộ sẽ đến khảo sát hiện trường.')).data!
      .createReplyTemplate;
    const global = (await create(admin, 'Chuyển đơn vị', 'Ý kiến đã được chuyển đến đơn vị có thẩm quyền.')).data!
      .createReplyTemplate;

    expect(code(await update(otherOfficer, own.id, 'Sửa', 'Không được sửa'))).toBe('NOT_FOUND');
    expect(code(await update(officer, global.id, 'Sửa', 'Không được sửa'))).toBe('FORBIDDEN');
    expect(code(await remove(officer, global.id))).toBe('FORBIDDEN');
    expect(code(await remove(admin, own.id))).toBe('NOT_FOUND');
    expect(code(await update(officer, own.id, '   ', 'Nội dung'))).toBe('BAD_USER_INPUT');
    expect(code(await update(officer, own.id, 'Tiêu đề', ''))).toBe('BAD_USER_INPUT');
    expect(code(await create(officer, 'x'.repeat(121), 'Nội dung'))).toBe('BAD_USER_INPUT');
    expect(code(await remove(officer, 'not-an-id'))).toBe('BAD_USER_INPUT');
    expect(code(await create(citizen, 'Tiêu đề', 'Nội dung'))).toBe('FORBIDDEN');
    expect(code(await server.gql('{ replyTemplates { id } }', { token: citizen }))).toBe('FORBIDDEN');

    const changed = await update(officer, own.id, 'Hẹn khảo sát (sửa)', 'Cán bộ sẽ đến khảo sát vào thứ Hai.');
    expect(changed.data!.updateReplyTemplate).toMatchObject({ title: 'Hẹn khảo sát (sửa)' });
    expect((await remove(officer, own.id)).data!.deleteReplyTemplate).toBe(own.id);
    expect((await list(officer)).map((template) => template.id)).not.toContain(own.id);
    expect(code(await remove(officer, own.id))).toBe('NOT_FOUND');
    expect((await remove(admin, global.id)).data!.deleteReplyTemplate).toBe(global.id);
  });
});
