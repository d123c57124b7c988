import { useEffect } from 'react';

/** Sets the document title as "<page> - 泉城安居". */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} - 泉城安居` : '泉城安居';
  }, [title]);
}
