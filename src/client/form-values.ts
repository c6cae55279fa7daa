/** Reads the form into the JSON body the service takes (docs/contracts.md keys), and the value sets the schema needs. */
import type { RegistrationValueSets } from '../domain/registration.ts';

export type RegistrationBody = Record<string, string | string[] | boolean>;

/** The form as a JSON body: repeated supportNeeds as a list without blanks, consents as booleans. */
export function readBody(form: HTMLFormElement): RegistrationBody {
  const data = new FormData(form);
  const body: RegistrationBody = {};
  for (const [name, value] of data) {
    if (typeof value !== 'string' || name === 'supportNeeds') continue;
    body[name] = value;
  }
  body.supportNeeds = data
    .getAll('supportNeeds')
    .map(String)
    .filter((v) => v.trim() !== '');
  body.consentProcessing = data.has('consentProcessing');
  body.consentPublishName = data.has('consentPublishName');
  return body;
}

/** The choices on the page are the value sets the page was built with, so the schema is built from them. */
export function readValueSets(form: HTMLFormElement): RegistrationValueSets {
  const choices = (name: string) =>
    [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].map((i) => ({
      slug: i.value,
      label: i.labels?.[0]?.textContent ?? i.value,
    }));
  const select = form.querySelector<HTMLSelectElement>('select[name="commune"]');
  const options = [...(select?.options ?? [])].filter((o) => o.value);
  return {
    unitWord: select?.dataset.unit,
    communes: options.map((o, i) => ({
      slug: o.value,
      name: o.text,
      gsoCode: '',
      aliases: [],
      order: i + 1,
    })),
    productGroups: choices('productGroup'),
    producerTypes: choices('producerType'),
  };
}
