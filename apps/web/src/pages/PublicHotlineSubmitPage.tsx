import { PublicFrame } from '../modules/hotline/components/PublicFrame.tsx';
import { PublicSubmitForm } from '../modules/hotline/components/PublicSubmitForm.tsx';

export function PublicHotlineSubmitPage() {
  return (
    <PublicFrame>
      <PublicSubmitForm />
    </PublicFrame>
  );
}
