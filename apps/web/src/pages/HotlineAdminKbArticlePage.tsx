import { useParams } from 'react-router';
import { KbArticleView } from '../modules/hotline-admin/components/kb/KbArticleView.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function HotlineAdminKbArticlePage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id < 1) return <NotFoundPage />;
  return <KbArticleView key={id} id={id} />;
}
